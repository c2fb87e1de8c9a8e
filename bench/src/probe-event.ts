import { z } from "zod";
import { declareEvent } from "@lienthong/contracts/registry";

const count = z.number().int().nonnegative();

/** What the bus benchmark publishes: which run, which event of it, and when it was published. */
export const probeSent = declareEvent({
  service: "bench",
  aggregate: "probe",
  event: "sent",
  version: 1,
  schema: z.object({
    run: z.string().min(1),
    seq: count,
    total: count,
    /** Wall-clock publish time in epoch microseconds (see wall-clock.ts). */
    sentAtMicros: count,
  }),
});
