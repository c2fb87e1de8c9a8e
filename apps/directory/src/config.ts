import { z } from "zod";
import { commonEnv, port, requireAuthInProduction } from "@lienthong/config/common";

export const directoryEnvSchema = requireAuthInProduction(z.object({ ...commonEnv, PORT: port(4001) }));
