import { describe, expect, it } from "vitest";
import type { CurrentDatabase, TestDoc } from "../conformance";

export function describeWrites(db: CurrentDatabase): void {
  describe("inserts, reads and deletes", () => {
    it("stores a copy of what was inserted and hands out copies", async () => {
      const things = db().collection<TestDoc>("things");
      const original = { _id: "a", tags: ["x"], nested: { level: 1 } };
      await things.insertOne(original);
      original.tags.push("changed after insert");
      const first = await things.findOne({ _id: "a" });
      first!.nested.level = 99;
      expect(await things.findOne({ _id: "a" })).toEqual({ _id: "a", tags: ["x"], nested: { level: 1 } });
    });

    it("generates an _id when the document has none", async () => {
      const things = db().collection("generated");
      const result = await things.insertOne({ name: "no id" });
      expect(result.insertedId).toBeDefined();
      expect(await things.findOne({ _id: result.insertedId })).toMatchObject({ name: "no id" });
    });

    it("keeps dates as dates and finds by date range", async () => {
      const things = db().collection<TestDoc>("things");
      await things.insertMany([
        { _id: "old", dueAt: new Date("2025-01-10T00:00:00Z") },
        { _id: "new", dueAt: new Date("2025-03-10T00:00:00Z") },
      ]);
      const found = await things.find({ dueAt: { $lt: new Date("2025-02-01T00:00:00Z") } }).toArray();
      expect(found.map((doc) => doc._id)).toEqual(["old"]);
      expect(found[0]!.dueAt).toBeInstanceOf(Date);
      expect((found[0]!.dueAt as Date).toISOString()).toBe("2025-01-10T00:00:00.000Z");
    });

    it("refuses a duplicate _id with code 11000", async () => {
      const things = db().collection<TestDoc>("things");
      await things.insertOne({ _id: "a", n: 1 });
      await expect(things.insertOne({ _id: "a", n: 2 })).rejects.toMatchObject({ code: 11000 });
      expect(await things.findOne({ _id: "a" })).toEqual({ _id: "a", n: 1 });
    });

    it("insertMany (ordered) stops at the first duplicate; unordered inserts the rest", async () => {
      const things = db().collection<TestDoc>("things");
      await expect(things.insertMany([{ _id: "a" }, { _id: "b" }, { _id: "a" }, { _id: "c" }])).rejects.toMatchObject({ code: 11000 });
      expect(await things.countDocuments({})).toBe(2);
      await expect(things.insertMany([{ _id: "d" }, { _id: "a" }, { _id: "e" }], { ordered: false })).rejects.toMatchObject({
        code: 11000,
      });
      expect((await things.find({}, { sort: { _id: 1 } }).toArray()).map((doc) => doc._id)).toEqual(["a", "b", "d", "e"]);
    });

    it("insertMany reports how many it inserted", async () => {
      const result = await db()
        .collection<TestDoc>("things")
        .insertMany([{ _id: 1 }, { _id: 2 }]);
      expect(result.insertedCount).toBe(2);
      expect(Object.values(result.insertedIds)).toEqual([1, 2]);
    });

    it("deleteOne removes one match, deleteMany all of them", async () => {
      const things = db().collection<TestDoc>("things");
      await things.insertMany([
        { _id: 1, kind: "x" },
        { _id: 2, kind: "x" },
        { _id: 3, kind: "x" },
        { _id: 4, kind: "y" },
      ]);
      expect(await things.deleteOne({ kind: "x" })).toMatchObject({ deletedCount: 1 });
      expect(await things.deleteMany({ kind: "x" })).toMatchObject({ deletedCount: 2 });
      expect(await things.deleteMany({ kind: "z" })).toMatchObject({ deletedCount: 0 });
      expect(await things.find({}).toArray()).toEqual([{ _id: 4, kind: "y" }]);
    });

    it("findOne answers null when nothing matches", async () => {
      expect(await db().collection<TestDoc>("things").findOne({ _id: "missing" })).toBeNull();
    });
  });
}
