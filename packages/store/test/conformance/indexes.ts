import { describe, expect, it } from "vitest";
import type { CurrentDatabase, TestDoc } from "../conformance";

export function describeIndexes(db: CurrentDatabase): void {
  describe("indexes", () => {
    it("a unique index refuses duplicates on insert, update and upsert with an E11000 error", async () => {
      const officials = db().collection<TestDoc>("officials");
      expect(await officials.createIndex({ email: 1 }, { unique: true })).toBe("email_1");
      await officials.insertMany([
        { _id: "o1", email: "an@mttq.vn" },
        { _id: "o2", email: "binh@mttq.vn" },
      ]);
      const refusal = officials.insertOne({ _id: "o3", email: "an@mttq.vn" });
      await expect(refusal).rejects.toMatchObject({ code: 11000 });
      await expect(refusal).rejects.toThrow(/E11000 duplicate key error.*index: email_1/);
      await expect(officials.updateOne({ _id: "o2" }, { $set: { email: "an@mttq.vn" } })).rejects.toMatchObject({ code: 11000 });
      await expect(officials.updateOne({ _id: "o4" }, { $set: { email: "binh@mttq.vn" } }, { upsert: true })).rejects.toMatchObject({
        code: 11000,
      });
      expect(await officials.countDocuments({})).toBe(2);
      expect(await officials.findOne({ _id: "o2" })).toEqual({ _id: "o2", email: "binh@mttq.vn" });
    });

    it("a compound unique index refuses only the same combination", async () => {
      const codes = db().collection<TestDoc>("codes");
      await codes.createIndex({ unit: 1, code: 1 }, { unique: true });
      await codes.insertMany([
        { _id: 1, unit: "26734", code: "A" },
        { _id: 2, unit: "26740", code: "A" },
      ]);
      await expect(codes.insertOne({ _id: 3, unit: "26734", code: "A" })).rejects.toMatchObject({ code: 11000 });
    });

    it("creating an index twice is harmless; a unique index over duplicate data is refused", async () => {
      const people = db().collection<TestDoc>("people");
      await people.insertMany([
        { _id: 1, phone: "1" },
        { _id: 2, phone: "1" },
      ]);
      expect(await people.createIndex({ phone: 1 })).toBe("phone_1");
      expect(await people.createIndex({ phone: 1 })).toBe("phone_1");
      expect(await people.createIndex({ name: 1 }, { name: "by_name" })).toBe("by_name");
      await expect(people.createIndex({ phone: -1 }, { unique: true })).rejects.toMatchObject({ code: 11000 });
    });

    it("queries on indexed fields answer exactly like unindexed ones", async () => {
      const tasks = db().collection<TestDoc>("tasks");
      await tasks.createIndex({ unit: 1, dueAt: 1 });
      await tasks.createIndex({ dueAt: 1 });
      await tasks.createIndex({ scores: 1 });
      const day = (n: number) => new Date(Date.UTC(2025, 0, n));
      await tasks.insertMany([
        { _id: "a", unit: "26734", dueAt: day(1), scores: [1, 9] },
        { _id: "b", unit: "26734", dueAt: day(5), scores: [4] },
        { _id: "c", unit: "26740", dueAt: day(10), scores: [] },
        { _id: "d", unit: 26740, dueAt: day(15), scores: [6, 7] },
        { _id: "e", dueAt: "not a date" },
      ]);
      const ids = async (filter: Record<string, unknown>) => (await tasks.find(filter).toArray()).map((doc) => doc._id).sort();
      expect(await ids({ unit: "26740" })).toEqual(["c"]);
      expect(await ids({ unit: { $in: ["26734", 26740] } })).toEqual(["a", "b", "d"]);
      expect(await ids({ dueAt: { $gte: day(5), $lt: day(15) } })).toEqual(["b", "c"]);
      expect(await ids({ dueAt: { $gt: day(1) } })).toEqual(["b", "c", "d"]);
      expect(await ids({ $or: [{ unit: "26740" }, { dueAt: { $lte: day(1) } }] })).toEqual(["a", "c"]);
      // On an array field each condition may be met by a different element.
      expect(await ids({ scores: { $gt: 8, $lt: 2 } })).toEqual(["a"]);
      expect(await ids({ scores: { $gte: 6, $lte: 7 } })).toEqual(["a", "d"]);
      expect(await ids({ _id: { $gte: "b", $lt: "d" } })).toEqual(["b", "c"]);
    });
  });
}
