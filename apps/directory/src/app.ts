import type { GraphQLSchema } from "graphql";
import { createRelay } from "@lienthong/bus/relay";
import { createSubgraph, type Subgraph } from "@lienthong/subgraph/create-subgraph";
import { createMetrics } from "@lienthong/subgraph/metrics";
import { createReadiness } from "@lienthong/subgraph/readiness";
import { relayMetrics } from "@lienthong/bus/relay-metrics";
import { createOfficialCommands, type OfficialCommands } from "./officials/official-commands";
import { createOfficialQueries, OFFICIALS } from "./officials/official-store";
import { buildDirectorySchema } from "./schema/schema";
import { createUnitCatalog, type UnitCatalog } from "./units/unit-catalog";
import { loadHcmcUnits } from "@lienthong/contracts/units-file";
import type { AppDeps } from "@lienthong/subgraph/app-deps";

export type DirectoryDeps = AppDeps;

export interface DirectoryApp {
  subgraph: Subgraph;
  schema: GraphQLSchema;
  units: UnitCatalog;
  commands: OfficialCommands;
  /** Starts the relay's periodic sweep (events left in outboxes by a crash go out now). */
  start(): Promise<void>;
  /** Flushes the relay; the caller closes the HTTP server first and the store and bus after. */
  stop(): Promise<void>;
}

export async function buildApp(deps: DirectoryDeps): Promise<DirectoryApp> {
  const log = deps.log.child({ service: "directory" });
  const units = createUnitCatalog(loadHcmcUnits());
  const officials = createOfficialQueries(deps.db);
  await officials.ensureIndexes();
  const metrics = deps.metrics ?? createMetrics();
  const observer = relayMetrics(metrics, "directory", deps.db, [OFFICIALS]);
  const relay = createRelay({ db: deps.db, collections: [OFFICIALS], bus: deps.bus, log, observer });
  const commands = createOfficialCommands({
    db: deps.db,
    clock: deps.clock,
    units,
    afterSave: (id) => void relay.drain(OFFICIALS, id),
  });
  const schema = buildDirectorySchema({ units, officials, commands });
  const readiness = createReadiness();
  const subgraph = createSubgraph({
    name: "directory",
    schema,
    verifier: deps.verifier,
    log,
    graphiql: deps.graphiql ?? false,
    metrics,
    readiness,
  });
  return {
    subgraph,
    schema,
    units,
    commands,
    async start() {
      await relay.sweep();
      relay.start();
      readiness.started();
    },
    async stop() {
      readiness.stopping();
      await relay.stop();
    },
  };
}
