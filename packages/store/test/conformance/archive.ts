import { describe, expect, it } from "vitest";
import { archiveEvents, history, stateAsOf } from "../../src/archive";
import type { CurrentDatabase, TestDoc } from "../conformance";
import { evolveCounter, incremented } from "../support/counter";

export function describeArchive(db: CurrentDatabase): void {
  describe("events archive", () => {
    const at = (day: number) => new Date(Date.UTC(2025, 5, day, 8));

    it("archiving the same events again keeps one copy of each", async () => {
      const [first, second, third] = [incremented("c1", 1, 1, at(1)), incremented("c1", 2, 1, at(2)), incremented("c1", 3, 1, at(3))];
      await archiveEvents(db(), [first!, second!]);
      await archiveEvents(db(), [second!, third!]);
      await archiveEvents(db(), [first!]);
      expect(await db().collection<TestDoc>("events").countDocuments({})).toBe(3);
      expect((await history(db(), "c1")).map((event) => event.id)).toEqual([first!.id, second!.id, third!.id]);
    });

    it("history lists one aggregate's events in version order, as envelopes", async () => {
      const events = [incremented("c1", 2, 5, at(2)), incremented("c2", 1, 1, at(1)), incremented("c1", 1, 3, at(1))];
      await archiveEvents(db(), events);
      const c1 = await history(db(), "c1");
      expect(c1.map((event) => event.aggregateversion)).toEqual([1, 2]);
      expect(c1[0]).toEqual(events[2]);
      expect(c1[0]).not.toHaveProperty("_id");
    });

    it("stateAsOf rebuilds the state from the events up to a moment", async () => {
      await archiveEvents(db(), [incremented("c1", 1, 1, at(1)), incremented("c1", 2, 10, at(5)), incremented("c1", 3, 100, at(9))]);
      const initial = { count: 0 };
      expect(await stateAsOf(db(), "c1", at(6), evolveCounter, initial)).toEqual({ state: { count: 11 }, version: 2 });
      expect(await stateAsOf(db(), "c1", at(5), evolveCounter, initial)).toEqual({ state: { count: 11 }, version: 2 });
      expect(await stateAsOf(db(), "c1", new Date(Date.UTC(2025, 0, 1)), evolveCounter, initial)).toEqual({ state: initial, version: 0 });
    });
  });
}
