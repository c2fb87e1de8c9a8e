import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { planNatsSuite } from "@lienthong/testing/nats-server";
import { ARCHIVE_COLLECTION, history } from "@lienthong/store/archive";
import type { AggregateDocument } from "@lienthong/store/repository";
import type { Database } from "@lienthong/store/collection";
import { connectJetStreamBus } from "../src/jetstream";
import { createRelay } from "../src/relay";
import { embeddedStoreDir } from "./embedded-harness";
import { taskHistory, waitFor } from "./fixtures";
import { jetStreamHarness, type JetStreamHarness } from "./jetstream-harness";

type TaskDocument = AggregateDocument & { title: string };

const plan = planNatsSuite("relay: aggregate outbox → JetStream (real nats-server, embedded store)");

describe.skipIf(plan.skip)(plan.title, () => {
  let nats: JetStreamHarness;
  let storeDir: Awaited<ReturnType<typeof embeddedStoreDir>>;
  let db: Database;
  const outboxOf = async (id: string) => (await db.collection<AggregateDocument>("tasks").findOne({ _id: id }))?._outbox;

  beforeEach(async () => {
    nats = await jetStreamHarness();
    storeDir = await embeddedStoreDir();
    db = await storeDir.open();
  });
  afterEach(async () => {
    await nats.close();
    await storeDir.remove();
  });

  const saveTask = async (id: string, events: number) => {
    const outbox = taskHistory(id, events);
    await db.collection<TaskDocument>("tasks").insertOne({ _id: id, version: events, title: "Rà soát hộ nghèo", _outbox: outbox });
    return outbox;
  };

  it("publishes each event exactly once and archives it once when two relays drain the same outbox", async () => {
    const first = await saveTask("task-1", 3);
    const second = await saveTask("task-2", 2);
    const otherInstance = await connectJetStreamBus({ servers: nats.url, name: "tasks-2" });
    const relayA = createRelay({ db, collections: ["tasks"], bus: nats.bus });
    const relayB = createRelay({ db, collections: ["tasks"], bus: otherInstance });

    await Promise.all([relayA.drain("tasks", "task-1"), relayB.drain("tasks", "task-1"), relayA.sweep(), relayB.sweep()]);
    await otherInstance.close();

    expect(await nats.messagesIn("LT_TASKS")).toBe(5);
    expect(await db.collection(ARCHIVE_COLLECTION).countDocuments({})).toBe(5);
    expect(await history(db, "task-1")).toEqual(first);
    expect(await history(db, "task-2")).toEqual(second);
    expect([await outboxOf("task-1"), await outboxOf("task-2")]).toEqual([[], []]);
  });

  it("leaves events in the outbox when publishing fails, and the next sweep relays them", async () => {
    const events = await saveTask("task-3", 2);
    const unreachable = await connectJetStreamBus({ servers: nats.url, name: "tasks-closed" });
    await unreachable.close();

    await createRelay({ db, collections: ["tasks"], bus: unreachable }).drain("tasks", "task-3");
    expect(await outboxOf("task-3")).toEqual(events);
    expect(await history(db, "task-3")).toEqual([]);

    expect(await createRelay({ db, collections: ["tasks"], bus: nats.bus }).sweep()).toBe(2);
    expect(await outboxOf("task-3")).toEqual([]);
    expect(await history(db, "task-3")).toEqual(events);
    expect(await nats.messagesIn("LT_TASKS")).toBe(2);
  });

  it("sweeps on its own once started", async () => {
    const relay = createRelay({ db, collections: ["tasks"], bus: nats.bus, sweepIntervalMs: 20 });
    relay.start();
    await saveTask("task-4", 1);
    await waitFor("the periodic sweep", async () => (await outboxOf("task-4"))?.length === 0);
    await relay.stop();
    expect(await history(db, "task-4")).toHaveLength(1);
    expect(await nats.messagesIn("LT_TASKS")).toBe(1);
  });
});
