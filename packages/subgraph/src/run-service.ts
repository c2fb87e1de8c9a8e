import { pino, type Logger } from "pino";
import type { z } from "zod";
import { verifierFromConfig } from "@lienthong/auth/verifier-from-config";
import type { Verifier } from "@lienthong/auth/verify";
import type { EventBus } from "@lienthong/bus/event-bus";
import { openBus } from "@lienthong/bus/open-bus";
import { clockFromStart, type Clock } from "@lienthong/calendar/clock";
import { loadConfig } from "@lienthong/config/parse-config";
import type { Database, Store } from "@lienthong/store/collection";
import { openStore } from "@lienthong/store/open-store";
import type { Subgraph } from "./create-subgraph";
import { retryUntilConnected } from "./retry";
import { PortTakenError } from "./serve";
import { exitOnSignals } from "./shutdown";

/** The variables runService reads; a service's schema spreads `commonEnv` from @lienthong/config/common. */
export interface ServiceEnv {
  PORT: number;
  HOST: string;
  DATA_DIR: string;
  NATS_URL?: string | undefined;
  MONGODB_URL?: string | undefined;
  AUTH_SECRET?: string | undefined;
  AUTH_JWKS_URL?: string | undefined;
  LOG_LEVEL: string;
  NODE_ENV: string;
  CLOCK_START?: string | undefined;
}

/** What `build` receives: the service's own database, the bus, and the rest of its composition root. */
export interface ServiceDeps<Config> {
  config: Config;
  db: Database;
  bus: EventBus;
  clock: Clock;
  verifier: Verifier;
  log: Logger;
  graphiql: boolean;
}

/** What buildApp returns: a subgraph that is not yet listening, and the consumers/schedules it starts and stops. */
export interface ServiceApp {
  subgraph: Subgraph;
  start(): Promise<void>;
  stop(): Promise<void>;
}

export interface ServiceDefinition<Config extends ServiceEnv, App extends ServiceApp> {
  /** The service's name: logger name, database name, NATS connection name. */
  name: string;
  /** The zod schema of its environment (`z.object({ ...commonEnv, PORT: port(4002), … })`). */
  env: z.ZodType<Config>;
  build(deps: ServiceDeps<Config>): Promise<App>;
  /** Extra facts for the start-up log line (checklist, e-mail on or off…). */
  describe?(config: Config): Record<string, unknown>;
}

export interface StartedService<App> {
  app: App;
  port: number;
  /** Graceful shutdown: stop accepting and drain requests, stop the app, close the bus, then the store. */
  stop(): Promise<void>;
}

export { PortTakenError };

/** Something a process started and stops as a whole on SIGTERM/SIGINT. */
export interface Stoppable {
  stop(): Promise<void>;
}

/** A program without a store or bus of its own (the gateway, the one-process platform), run like a service. */
export interface ProcessDefinition<Config extends { LOG_LEVEL: string }, Started extends Stoppable> {
  /** Logger name, and what the start-up failure line names. */
  name: string;
  env: z.ZodType<Config>;
  /** Starts everything; `signal` aborts when a signal arrives during start-up. */
  start(config: Config, options: { log: Logger; signal: AbortSignal }): Promise<Started>;
  /** How long a graceful shutdown may take before the process exits 1 anyway. Default 15 s. */
  shutdownTimeoutMs?(config: Config): number;
}

/**
 * The process around a program: parse the environment (every problem listed, exit 1), start it, and stop it
 * gracefully on SIGTERM/SIGINT. A start-up failure is one log line and exit code 1 (a taken port says which
 * variable to change), not a stack trace. Resolves with what `start` returned.
 */
export async function runProcess<Config extends { LOG_LEVEL: string }, Started extends Stoppable>(
  definition: ProcessDefinition<Config, Started>,
): Promise<{ config: Config; log: Logger; started: Started } | undefined> {
  const config = loadConfig(definition.env);
  const log = pino({ name: definition.name, level: config.LOG_LEVEL });
  const starting = new AbortController();
  let started: Promise<Started | undefined> = Promise.resolve(undefined);
  exitOnSignals(
    log,
    async () => {
      starting.abort();
      await (await started)?.stop();
    },
    definition.shutdownTimeoutMs?.(config),
  );
  started = definition.start(config, { log, signal: starting.signal }).catch((error: unknown) => {
    if (starting.signal.aborted) return undefined;
    if (error instanceof PortTakenError) log.fatal({ port: error.port }, error.message);
    else log.fatal({ err: error }, `${definition.name} could not start`);
    process.exit(1);
  });
  const running = await started;
  return running && { config, log, started: running };
}

/**
 * A service's main.ts: runProcess around startService — open the store and the bus (waiting for MongoDB / NATS
 * with backoff, saying so in the log), build the app, listen, start it.
 */
export async function runService<Config extends ServiceEnv, App extends ServiceApp>(
  definition: ServiceDefinition<Config, App>,
): Promise<void> {
  await runProcess({ name: definition.name, env: definition.env, start: (config, options) => startService(definition, config, options) });
}

/** runService without the process around it (no signals, no exit): what tests and other runners call. */
export async function startService<Config extends ServiceEnv, App extends ServiceApp>(
  definition: ServiceDefinition<Config, App>,
  config: Config,
  options: { log: Logger; signal?: AbortSignal },
): Promise<StartedService<App>> {
  const { log, signal } = options;
  const opened: (() => Promise<void>)[] = [];
  const closeAll = async () => {
    for (const close of opened.reverse().splice(0)) await close();
  };
  try {
    const store = await openStoreWaiting(config, log, signal);
    opened.push(() => store.close());
    const bus = await openBusWaiting(definition.name, store, config, log, signal);
    opened.push(() => bus.close());
    const app = await definition.build({
      config,
      db: store.db(definition.name),
      bus,
      clock: clockFromStart(config.CLOCK_START),
      verifier: verifierFromConfig(config),
      log,
      graphiql: config.NODE_ENV === "development",
    });
    // A taken port rejects with PortTakenError naming PORT.
    const server = await app.subgraph.listen(config.PORT, config.HOST);
    opened.push(() => app.stop());
    opened.push(() => server.close());
    // Listening before start(): /readyz answers 503 while consumers and schedules start.
    await app.start();
    log.info(
      {
        port: server.port,
        store: config.MONGODB_URL ? "mongodb" : "embedded",
        bus: config.NATS_URL ? "nats" : "embedded",
        ...definition.describe?.(config),
      },
      `${definition.name} subgraph listening`,
    );
    let stopping: Promise<void> | undefined;
    return { app, port: server.port, stop: () => (stopping ??= closeAll()) };
  } catch (error) {
    await closeAll().catch((closeError: unknown) => log.warn({ err: closeError }, "could not close everything after a failed start"));
    throw error;
  }
}

function openStoreWaiting(config: ServiceEnv, log: Logger, signal: AbortSignal | undefined): Promise<Store> {
  const open = () => openStore({ dataDir: config.DATA_DIR, mongodbUrl: config.MONGODB_URL });
  if (!config.MONGODB_URL) return open();
  return retryUntilConnected(`MongoDB at ${withoutPassword(config.MONGODB_URL)}`, open, { log, ...(signal ? { signal } : {}) });
}

function openBusWaiting(name: string, store: Store, config: ServiceEnv, log: Logger, signal: AbortSignal | undefined): Promise<EventBus> {
  const open = () => openBus({ store, natsUrl: config.NATS_URL, name, log });
  if (!config.NATS_URL) return open();
  return retryUntilConnected(`NATS at ${withoutPassword(config.NATS_URL)}`, open, { log, ...(signal ? { signal } : {}) });
}

function withoutPassword(url: string): string {
  return url.replace(/(\/\/[^:/@\s]+:)[^@/\s]*@/g, "$1***@");
}
