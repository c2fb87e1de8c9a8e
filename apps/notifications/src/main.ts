import { runService } from "@lienthong/subgraph/run-service";
import { buildApp } from "./app";
import { notificationsEnvSchema } from "./config";

await runService({
  name: "notifications",
  env: notificationsEnvSchema,
  build: (deps) => buildApp({ ...deps, smtpUrl: deps.config.SMTP_URL }),
  describe: (config) => ({ email: config.SMTP_URL ? "smtp" : "off" }),
});
