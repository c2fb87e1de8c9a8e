import type { Logger } from "pino";
import type { Verifier } from "@lienthong/auth/verify";
import type { EventBus } from "@lienthong/bus/event-bus";
import type { Clock } from "@lienthong/calendar/clock";
import type { Database } from "@lienthong/store/collection";
import type { Subgraph } from "@lienthong/subgraph/create-subgraph";
import { buildApp as buildDirectory } from "@lienthong/directory/app";

export interface ServiceDeps {
  db: Database;
  bus: EventBus;
  clock: Clock;
  verifier: Verifier;
  log: Logger;
  graphiql: boolean;
}

export interface RunningService {
  subgraph: Subgraph;
  start(): Promise<void>;
  stop(): Promise<void>;
}

/** Every service of the platform, in start order. A new service adds one line here. */
export const SERVICES: { name: string; build: (deps: ServiceDeps) => Promise<RunningService> }[] = [
  { name: "directory", build: buildDirectory },
];
