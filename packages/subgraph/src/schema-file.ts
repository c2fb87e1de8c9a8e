import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { GraphQLSchema } from "graphql";
import { pino, type Logger } from "pino";
import { DEV_AUTH_SECRET } from "@lienthong/auth/dev-token";
import { createVerifier, type Verifier } from "@lienthong/auth/verify";
import type { EventBus } from "@lienthong/bus/event-bus";
import { openEmbeddedBus } from "@lienthong/bus/embedded-bus";
import { systemClock, type Clock } from "@lienthong/calendar/clock";
import type { Database } from "@lienthong/store/collection";
import { openEmbeddedStore } from "@lienthong/store/embedded";
import { printSubgraphSdl } from "./print-schema";

/** The deps every buildApp takes; the schema printer builds the app over throw-away ones. */
export interface SchemaAppDeps {
  db: Database;
  bus: EventBus;
  clock: Clock;
  verifier: Verifier;
  log: Logger;
}

/** A service's checked-in `schema.graphql` and the SDL its code defines now. */
export interface SchemaFile {
  /** Where the printed SDL is checked in (the gateway composes it). */
  url: URL;
  /** The SDL the code defines now, printed from an app built over a throw-away embedded store and bus. */
  print(): Promise<string>;
  /** What is checked in. */
  read(): string;
  /** Prints and writes the file (`pnpm --filter @lienthong/<svc> print-schema`). */
  write(): Promise<void>;
}

export function schemaFile(options: {
  name: string;
  url: URL;
  build: (deps: SchemaAppDeps) => Promise<{ schema: GraphQLSchema }>;
}): SchemaFile {
  const print = async () => {
    const dir = mkdtempSync(join(tmpdir(), `${options.name}-schema-`));
    const store = await openEmbeddedStore({ dir });
    try {
      const bus = await openEmbeddedBus({ db: store.db("bus") });
      const app = await options.build({
        db: store.db(options.name),
        bus,
        clock: systemClock,
        verifier: createVerifier({ secret: DEV_AUTH_SECRET }),
        log: pino({ level: "silent" }),
      });
      await bus.close();
      return printSubgraphSdl(app.schema);
    } finally {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    }
  };
  return {
    url: options.url,
    print,
    read: () => readFileSync(options.url, "utf8"),
    async write() {
      writeFileSync(options.url, await print());
      process.stdout.write(`wrote ${fileURLToPath(options.url)}\n`);
    },
  };
}
