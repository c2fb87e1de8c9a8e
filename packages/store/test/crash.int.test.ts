import { spawn } from "node:child_process";
import { rm } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openEmbeddedStore, type EmbeddedStore } from "../src/embedded";
import type { AggregateDocument } from "../src/repository";
import { makeTempDir } from "./support/temp-store";

const TSX = fileURLToPath(new URL("../../../node_modules/.bin/tsx", import.meta.url));
const FIXTURE = fileURLToPath(new URL("./fixtures/save-burst.ts", import.meta.url));
const KILL_AFTER_ACKS = 400;

/** Runs the burst in its own process group and SIGKILLs the whole group once enough saves were acknowledged. */
async function burstThenKill(dir: string): Promise<Map<string, number>> {
  const child = spawn(TSX, [FIXTURE, dir], { detached: true, stdio: ["ignore", "pipe", "pipe"] });
  const acknowledged = new Map<string, number>();
  let pending = "";
  let stderr = "";
  let killed = false;
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  child.stdout.on("data", (chunk: Buffer) => {
    pending += chunk.toString();
    const lines = pending.split("\n");
    pending = lines.pop() ?? "";
    for (const line of lines) {
      const [id, version] = line.split(" ");
      acknowledged.set(id as string, Number(version));
    }
    if (!killed && acknowledged.size >= KILL_AFTER_ACKS) {
      killed = true;
      process.kill(-(child.pid as number), "SIGKILL");
    }
  });
  const exit = await new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on("exit", (code, signal) => resolve({ code, signal })),
  );
  if (!killed) throw new Error(`the burst ended by itself (${JSON.stringify(exit)}) before being killed: ${stderr}`);
  return acknowledged;
}

/** The killed child may take a moment to be gone; its stale lock is taken over once it is. */
async function reopen(dir: string): Promise<EmbeddedStore> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await openEmbeddedStore({ dir });
    } catch (error) {
      if (attempt >= 50 || !/in use by process/.test((error as Error).message)) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

describe("crash safety", () => {
  let dir = "";
  let store: EmbeddedStore | null = null;

  beforeEach(async () => {
    dir = await makeTempDir();
  });

  afterEach(async () => {
    await store?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it("every save acknowledged before a kill -9 is there after reopening, with its events once", async () => {
    const acknowledged = await burstThenKill(dir);
    store = await reopen(dir);
    const counters = store.db("burst").collection<AggregateDocument>("counters");
    const stored = new Map((await counters.find({}).toArray()).map((doc) => [doc._id, doc]));

    for (const [id, version] of acknowledged) {
      const doc = stored.get(id);
      expect(doc, `acknowledged save of ${id} is missing`).toBeDefined();
      expect(doc!.version).toBeGreaterThanOrEqual(version);
    }
    const eventIds = new Set<string>();
    for (const doc of stored.values()) {
      expect(doc._outbox.map((event) => event.aggregateversion)).toEqual(Array.from({ length: doc.version }, (_, index) => index + 1));
      for (const event of doc._outbox) {
        expect(eventIds.has(event.id), `event ${event.id} appears twice`).toBe(false);
        eventIds.add(event.id);
      }
    }
    expect(stored.size).toBeGreaterThanOrEqual(acknowledged.size);

    // The recovered journal takes new writes and replays cleanly again.
    await counters.insertOne({ _id: "after-crash", version: 0, _outbox: [] });
    await store.close();
    store = await openEmbeddedStore({ dir });
    expect(await store.db("burst").collection("counters").countDocuments({})).toBe(stored.size + 1);
  }, 30_000);
});
