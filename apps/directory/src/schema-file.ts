import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pino from "pino";
import { DEV_AUTH_SECRET } from "@lienthong/auth/dev-token";
import { createVerifier } from "@lienthong/auth/verify";
import { openEmbeddedBus } from "@lienthong/bus/embedded-bus";
import { systemClock } from "@lienthong/calendar/clock";
import { openEmbeddedStore } from "@lienthong/store/embedded";
import { printSubgraphSdl } from "@lienthong/subgraph/print-schema";
import { buildApp } from "./app";

/** Where the printed subgraph SDL is checked in (the gateway composes it). */
export const SCHEMA_FILE = new URL("../schema.graphql", import.meta.url);

/** The SDL the code defines now, printed from an app built over a throw-away store. */
export async function printDirectorySdl(): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), "directory-schema-"));
  const store = await openEmbeddedStore({ dir });
  try {
    const bus = await openEmbeddedBus({ db: store.db("bus") });
    const app = await buildApp({
      db: store.db("directory"),
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
}
