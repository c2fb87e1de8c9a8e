import { z } from "zod";
import { commonEnv, port, requireAuthInProduction } from "@lienthong/config/common";

const smtpMessage = "must be an smtp:// or smtps:// URL, e.g. smtp://user:password@mail.example.org:587";

export const notificationsEnvSchema = requireAuthInProduction(
  z.object({
    ...commonEnv,
    PORT: port(4009),
    /** Unset = the e-mail channel is off. */
    SMTP_URL: z
      .string({ error: smtpMessage })
      .regex(/^smtps?:\/\/\S+$/, { error: smtpMessage })
      .optional(),
  }),
);
