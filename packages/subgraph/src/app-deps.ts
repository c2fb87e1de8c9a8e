import type { Verifier } from "@lienthong/auth/verify";
import type { EventBus } from "@lienthong/bus/event-bus";
import type { Clock } from "@lienthong/calendar/clock";
import type { Database } from "@lienthong/store/collection";
import type { Logger } from "pino";
import type { Metrics } from "./metrics";

/** What every service's buildApp(deps) receives from its composition root (main.ts, the platform or a test). */
export interface AppDeps {
  /** The service's own database: no service reads another's. */
  db: Database;
  bus: EventBus;
  clock: Clock;
  verifier: Verifier;
  log: Logger;
  /** GraphiQL on the subgraph's /graphql (development only). */
  graphiql?: boolean;
  /** Shared when several services run in one process; each app makes its own otherwise. */
  metrics?: Metrics;
}
