import pino from "pino";
import { verifierFromConfig } from "@lienthong/auth/verifier-from-config";
import { openBus } from "@lienthong/bus/open-bus";
import { clockFromStart } from "@lienthong/calendar/clock";
import { loadConfig } from "@lienthong/config/parse-config";
import { openStore } from "@lienthong/store/open-store";
import { exitOnSignals } from "@lienthong/subgraph/shutdown";
import { buildApp } from "./app";
import { tasksEnvSchema } from "./config";

const config = loadConfig(tasksEnvSchema);
const log = pino({ name: "tasks", level: config.LOG_LEVEL });
const store = await openStore({ dataDir: config.DATA_DIR, mongodbUrl: config.MONGODB_URL });
const bus = await openBus({ store, natsUrl: config.NATS_URL, name: "tasks", log });
const app = await buildApp({
  db: store.db("tasks"),
  bus,
  clock: clockFromStart(config.CLOCK_START),
  verifier: verifierFromConfig(config),
  log,
  graphiql: config.NODE_ENV === "development",
  checklist: config.TASK_CHECKLIST,
  reminderOffsets: config.TASK_REMINDER_DAYS,
  scheduleIntervalMs: config.TASK_SCHEDULE_INTERVAL_MS,
});
const server = await app.subgraph.listen(config.PORT, config.HOST);
await app.start();
log.info(
  {
    port: server.port,
    checklist: config.TASK_CHECKLIST,
    store: config.MONGODB_URL ? "mongodb" : "embedded",
    bus: config.NATS_URL ? "nats" : "embedded",
  },
  "tasks subgraph listening",
);

exitOnSignals(log, async () => {
  await server.close();
  await app.stop();
  await bus.close();
  await store.close();
});
