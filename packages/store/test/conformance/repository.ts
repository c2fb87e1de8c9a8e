import { describe, expect, it } from "vitest";
import { ConflictError, createRepository, type AggregateDocument, type Decision } from "../../src/repository";
import type { CurrentDatabase, TestDoc } from "../conformance";
import { incremented, parseCounter, type CounterState } from "../support/counter";

export function describeRepository(db: CurrentDatabase): void {
  describe("aggregate repository", () => {
    const counters = (saved: string[] = [], maxAttempts?: number) =>
      createRepository<CounterState>({
        db: db(),
        collection: "counters",
        parse: parseCounter,
        afterSave: (id) => saved.push(id),
        ...(maxAttempts ? { maxAttempts } : {}),
      });

    const increment =
      (id: string, by = 1, label?: string) =>
      (current: { state: CounterState; version: number } | null): Decision<CounterState, never> => {
        const version = current?.version ?? 0;
        const count = (current?.state.count ?? 0) + by;
        return { ok: true, state: label === undefined ? { count } : { count, label }, events: [incremented(id, version + 1, by)] };
      };

    it("creates an aggregate with its events in the outbox, then updates it in one write", async () => {
      const saved: string[] = [];
      const repository = counters(saved);
      const created = await repository.execute("c1", increment("c1", 2, "first"));
      expect(created).toMatchObject({ ok: true, version: 1, state: { count: 2, label: "first" } });
      const updated = await repository.execute("c1", (current) => ({
        ok: true,
        state: { count: current!.state.count + 5 },
        events: [incremented("c1", current!.version + 1, 2), incremented("c1", current!.version + 2, 3)],
      }));
      expect(updated).toMatchObject({ ok: true, version: 3, state: { count: 7 } });
      expect(await repository.load("c1")).toEqual({ state: { count: 7 }, version: 3 });
      const stored = await db().collection<TestDoc>("counters").findOne({ _id: "c1" });
      expect(stored).not.toHaveProperty("label");
      expect(stored!._outbox.map((event: { aggregateversion: number }) => event.aggregateversion)).toEqual([1, 2, 3]);
      expect(saved).toEqual(["c1", "c1"]);
    });

    it("never erases a stored field its parse does not read: only fields the parsed state had and the new state lacks go", async () => {
      const repository = counters();
      await repository.execute("c1", increment("c1", 1, "first"));
      // A field the parse does not know (added to the document by a newer version of the service, say).
      await db()
        .collection<TestDoc>("counters")
        .updateOne({ _id: "c1" }, { $set: { addedLater: "keep me" } });
      await repository.execute("c1", increment("c1", 1));
      const stored = await db().collection<TestDoc>("counters").findOne({ _id: "c1" });
      expect(stored).toMatchObject({ count: 2, addedLater: "keep me" });
      expect(stored).not.toHaveProperty("label");
    });

    it("writes nothing for a rejected decision or one without events", async () => {
      const saved: string[] = [];
      const repository = counters(saved);
      expect(await repository.execute("c1", () => ({ ok: false, error: "not allowed" }))).toEqual({ ok: false, error: "not allowed" });
      expect(await repository.execute("c1", () => ({ ok: true, state: { count: 0 }, events: [] }))).toMatchObject({
        ok: true,
        version: 0,
        events: [],
      });
      expect(await repository.load("c1")).toBeNull();
      await repository.execute("c1", increment("c1"));
      await repository.execute("c1", (current) => ({ ok: true, state: current!.state, events: [] }));
      expect(await repository.load("c1")).toEqual({ state: { count: 1 }, version: 1 });
      expect(saved).toEqual(["c1"]);
    });

    it("concurrent commands on one aggregate all land, each retried on the version it lost to", async () => {
      const repository = counters([], 20);
      const slowIncrement = (by: number) => async (current: { state: CounterState; version: number } | null) => {
        await new Promise((resolve) => setTimeout(resolve, 1));
        return increment("c1", by)(current);
      };
      const results = await Promise.all([1, 2, 3, 4, 5].map((by) => repository.execute("c1", slowIncrement(by))));
      expect(results.every((result) => result.ok)).toBe(true);
      expect(await repository.load("c1")).toEqual({ state: { count: 15 }, version: 5 });
      const stored = await db().collection<TestDoc>("counters").findOne({ _id: "c1" });
      expect(stored!._outbox.map((event: { aggregateversion: number }) => event.aggregateversion)).toEqual([1, 2, 3, 4, 5]);
    });

    it("gives up with a ConflictError after maxAttempts lost races", async () => {
      const repository = counters([], 3);
      await repository.execute("c1", increment("c1"));
      let calls = 0;
      const result = await repository.execute("c1", async (current) => {
        calls++;
        // Someone else commits between our read and our write, every time.
        await db()
          .collection<TestDoc>("counters")
          .updateOne({ _id: "c1" }, { $inc: { version: 1 } });
        return increment("c1")(current);
      });
      expect(calls).toBe(3);
      expect(result.ok).toBe(false);
      expect(!result.ok && result.error).toBeInstanceOf(ConflictError);
    });

    it("supports the relay's moves: find pending outboxes, pull one event by id", async () => {
      const repository = counters();
      await repository.execute("c1", increment("c1"));
      await repository.execute("c1", increment("c1"));
      await repository.execute("c2", increment("c2"));
      const collection = db().collection<AggregateDocument>("counters");
      const [first] = (await collection.findOne({ _id: "c1" }, { projection: { _outbox: 1 } }))!._outbox;
      await collection.updateOne({ _id: "c1" }, { $pull: { _outbox: { id: first!.id } } });
      await collection.updateOne({ _id: "c2" }, { $pull: { _outbox: { id: (await collection.findOne({ _id: "c2" }))!._outbox[0]!.id } } });
      const pending = await collection.find({ "_outbox.0": { $exists: true } }, { projection: { _id: 1 } }).toArray();
      expect(pending).toEqual([{ _id: "c1" }]);
      expect((await collection.findOne({ _id: "c1" }))!._outbox.map((event) => event.aggregateversion)).toEqual([2]);
    });

    it("refuses events whose aggregateversion does not follow the current version", async () => {
      const repository = counters();
      await expect(repository.execute("c1", () => ({ ok: true, state: { count: 1 }, events: [incremented("c1", 2)] }))).rejects.toThrow(
        /aggregateversion 2, expected 1/,
      );
      expect(await repository.load("c1")).toBeNull();
    });
  });
}
