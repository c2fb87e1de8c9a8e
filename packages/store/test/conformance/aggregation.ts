import { describe, expect, it } from "vitest";
import type { CurrentDatabase, TestDoc } from "../conformance";

export function describeAggregation(db: CurrentDatabase): void {
  describe("aggregation", () => {
    it("matches, groups, sorts and projects", async () => {
      const cases = db().collection<TestDoc>("cases");
      await cases.insertMany([
        { _id: 1, unit: "26734", kind: "merit", amount: 100 },
        { _id: 2, unit: "26734", kind: "merit", amount: 50 },
        { _id: 3, unit: "26740", kind: "merit", amount: 70 },
        { _id: 4, unit: "26740", kind: "pension", amount: 999 },
        { _id: 5, unit: "26743", kind: "merit", amount: 10 },
      ]);
      const totals = await cases
        .aggregate<{ unit: string; total: number; count: number }>([
          { $match: { kind: "merit" } },
          { $group: { _id: "$unit", total: { $sum: "$amount" }, count: { $sum: 1 } } },
          { $sort: { total: -1 } },
          { $project: { _id: 0, unit: "$_id", total: 1, count: 1 } },
        ])
        .toArray();
      expect(totals).toEqual([
        { unit: "26734", total: 150, count: 2 },
        { unit: "26740", total: 70, count: 1 },
        { unit: "26743", total: 10, count: 1 },
      ]);
      const [counted] = await cases.aggregate([{ $match: { amount: { $gte: 70 } } }, { $count: "n" }]).toArray();
      expect(counted).toEqual({ n: 3 });
    });

    it("unwinds arrays and leaves stored documents untouched", async () => {
      const programmes = db().collection<TestDoc>("programmes");
      await programmes.insertOne({ _id: "p", tasks: [{ done: true }, { done: false }, { done: true }] });
      const [progress] = await programmes
        .aggregate([{ $unwind: "$tasks" }, { $group: { _id: "$_id", done: { $sum: { $cond: ["$tasks.done", 1, 0] } }, all: { $sum: 1 } } }])
        .toArray();
      expect(progress).toEqual({ _id: "p", done: 2, all: 3 });
      expect(await programmes.findOne({ _id: "p" })).toEqual({ _id: "p", tasks: [{ done: true }, { done: false }, { done: true }] });
    });
  });
}
