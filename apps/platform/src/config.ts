import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { z } from "zod";
import { tasksEnvSchema } from "@lienthong/tasks/config";
import {
  authJwksUrl,
  authSecret,
  clockStart,
  host,
  logLevel,
  mongodbUrl,
  natsUrl,
  developmentNodeEnv,
  port,
  requireAuthInProduction,
} from "@lienthong/config/common";

const REPOSITORY_ROOT = fileURLToPath(new URL("../../..", import.meta.url));

export const platformEnvSchema = requireAuthInProduction(
  z.object({
    PORT: port(4000),
    HOST: host,
    /** Default: `.data/` at the repository root. A relative path is taken from where the command was started. */
    DATA_DIR: z.string().optional(),
    NATS_URL: natsUrl,
    MONGODB_URL: mongodbUrl,
    AUTH_SECRET: authSecret,
    AUTH_JWKS_URL: authJwksUrl,
    LOG_LEVEL: logLevel.default("warn"),
    /** The platform is the local, zero-infrastructure runner: development unless told otherwise. */
    NODE_ENV: developmentNodeEnv,
    CLOCK_START: clockStart,
    /** The tasks service's settings, under the same names as when it runs on its own. */
    TASK_CHECKLIST: tasksEnvSchema.shape.TASK_CHECKLIST,
    TASK_REMINDER_DAYS: tasksEnvSchema.shape.TASK_REMINDER_DAYS,
    /** smtp(s)://user:password@host:port for e-mail notifications; unset = no e-mail. */
    SMTP_URL: z
      .string()
      .regex(/^smtps?:\/\/\S+$/, "must be an smtp:// or smtps:// URL")
      .optional(),
  }),
);

export type PlatformConfig = z.output<typeof platformEnvSchema>;

/** `pnpm start` runs in apps/platform; INIT_CWD is where the user typed the command. */
export function dataDirOf(config: PlatformConfig, invokedFrom: string | undefined): string {
  if (config.DATA_DIR === undefined) return resolve(REPOSITORY_ROOT, ".data");
  return resolve(invokedFrom ?? process.cwd(), config.DATA_DIR);
}
