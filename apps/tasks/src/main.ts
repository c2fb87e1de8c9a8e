import { runService } from "@lienthong/subgraph/run-service";
import { buildApp } from "./app";
import { tasksEnvSchema } from "./config";

await runService({
  name: "tasks",
  env: tasksEnvSchema,
  build: (deps) =>
    buildApp({
      ...deps,
      checklist: deps.config.TASK_CHECKLIST,
      reminderOffsets: deps.config.TASK_REMINDER_DAYS,
      scheduleIntervalMs: deps.config.TASK_SCHEDULE_INTERVAL_MS,
    }),
  describe: (config) => ({ checklist: config.TASK_CHECKLIST }),
});
