import { describe, expect, it } from "vitest";
import type { CurrentDatabase, TestDoc } from "../conformance";

export function describeConcurrency(db: CurrentDatabase): void {
  describe("single-document atomicity", () => {
    it("a version-guarded updateOne is a compare-and-set: of many concurrent writers exactly one wins", async () => {
      const aggregates = db().collection<TestDoc>("aggregates");
      await aggregates.insertOne({ _id: "a1", version: 3, winner: null });
      const writers = Array.from({ length: 12 }, (_, writer) =>
        aggregates.updateOne({ _id: "a1", version: 3 }, { $set: { version: 4, winner: writer } }),
      );
      const results = await Promise.all(writers);
      expect(results.filter((result) => result.matchedCount === 1)).toHaveLength(1);
      const stored = await aggregates.findOne({ _id: "a1" });
      expect(stored!.version).toBe(4);
      expect(results[stored!.winner as number]!.matchedCount).toBe(1);
    });

    it("concurrent increments are never lost", async () => {
      const counters = db().collection<TestDoc>("counters");
      await counters.insertOne({ _id: "c", n: 0 });
      await Promise.all(Array.from({ length: 25 }, () => counters.updateOne({ _id: "c" }, { $inc: { n: 1 } })));
      expect(await counters.findOne({ _id: "c" })).toEqual({ _id: "c", n: 25 });
    });
  });
}
