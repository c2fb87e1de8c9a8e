import { describe, expect, it } from "vitest";
import type { CurrentDatabase, TestDoc } from "../conformance";

type Task = {
  _id: string;
  title: string;
  progress: number;
  score: number;
  tags: string[];
  assignees: string[];
  note?: string;
  meta?: { reviewed: boolean };
};

export function describeUpdates(db: CurrentDatabase): void {
  describe("updates", () => {
    it("apply field and array operators and report what matched and changed", async () => {
      const tasks = db().collection<Task>("tasks");
      await tasks.insertOne({ _id: "t1", title: "Draft", progress: 10, score: 3, tags: ["a"], assignees: ["x", "y"], note: "remove me" });
      const result = await tasks.updateOne(
        { _id: "t1" },
        {
          $set: { title: "Final", "meta.reviewed": true },
          $inc: { progress: 15 },
          $push: { tags: { $each: ["b", "c"] } },
          $addToSet: { assignees: "x" },
          $unset: { note: "" },
        },
      );
      expect(result).toMatchObject({ matchedCount: 1, modifiedCount: 1, upsertedCount: 0, upsertedId: null });
      await tasks.updateOne({ _id: "t1" }, { $pull: { assignees: "y" }, $max: { score: 5 }, $min: { progress: 20 } });
      expect(await tasks.findOne({ _id: "t1" })).toEqual({
        _id: "t1",
        title: "Final",
        progress: 20,
        score: 5,
        tags: ["a", "b", "c"],
        assignees: ["x"],
        meta: { reviewed: true },
      });
    });

    it("count a match that changes nothing as matched but not modified", async () => {
      const tasks = db().collection<TestDoc>("tasks");
      await tasks.insertOne({ _id: "t1", status: "open" });
      expect(await tasks.updateOne({ _id: "t1" }, { $set: { status: "open" } })).toMatchObject({ matchedCount: 1, modifiedCount: 0 });
      expect(await tasks.updateOne({ _id: "none" }, { $set: { status: "x" } })).toMatchObject({
        matchedCount: 0,
        modifiedCount: 0,
        upsertedId: null,
      });
    });

    it("updateMany changes every match", async () => {
      const tasks = db().collection<TestDoc>("tasks");
      await tasks.insertMany([
        { _id: 1, unit: "a", overdue: false },
        { _id: 2, unit: "a", overdue: false },
        { _id: 3, unit: "b", overdue: false },
      ]);
      expect(await tasks.updateMany({ unit: "a" }, { $set: { overdue: true } })).toMatchObject({ matchedCount: 2, modifiedCount: 2 });
      expect(await tasks.countDocuments({ overdue: true })).toBe(2);
    });

    it("upsert inserts the filter's equality fields, the update and $setOnInsert", async () => {
      const tasks = db().collection<TestDoc>("tasks");
      const inserted = await tasks.updateOne(
        { _id: "t9", unit: "26734", "owner.id": "o1", progress: { $lt: 50 } },
        { $set: { title: "New" }, $inc: { reminders: 1 }, $setOnInsert: { createdBy: "system" } },
        { upsert: true },
      );
      expect(inserted).toMatchObject({ matchedCount: 0, modifiedCount: 0, upsertedCount: 1, upsertedId: "t9" });
      expect(await tasks.findOne({ _id: "t9" })).toEqual({
        _id: "t9",
        unit: "26734",
        owner: { id: "o1" },
        title: "New",
        reminders: 1,
        createdBy: "system",
      });
      const matched = await tasks.updateOne(
        { _id: "t9" },
        { $inc: { reminders: 1 }, $setOnInsert: { createdBy: "someone else" } },
        { upsert: true },
      );
      expect(matched).toMatchObject({ matchedCount: 1, modifiedCount: 1, upsertedCount: 0, upsertedId: null });
      expect(await tasks.findOne({ _id: "t9" })).toMatchObject({ reminders: 2, createdBy: "system" });
    });

    it("upsert without an _id in the filter generates one", async () => {
      const tasks = db().collection<TestDoc>("tasks");
      const result = await tasks.updateOne({ code: "K-1" }, { $set: { seen: true } }, { upsert: true });
      expect(result.upsertedId).not.toBeNull();
      expect(await tasks.findOne({ _id: result.upsertedId! })).toMatchObject({ code: "K-1", seen: true });
    });

    it("update array elements chosen by arrayFilters or by the positional operator", async () => {
      const orders = db().collection<TestDoc>("orders");
      await orders.insertOne({
        _id: "o1",
        lines: [
          { sku: "a", qty: 1 },
          { sku: "b", qty: 3 },
          { sku: "c", qty: 5 },
        ],
      });
      await orders.updateOne({ _id: "o1" }, { $set: { "lines.$[big].bulk": true } }, { arrayFilters: [{ "big.qty": { $gt: 2 } }] });
      await orders.updateOne({ _id: "o1", "lines.sku": "a" }, { $inc: { "lines.$.qty": 10 } });
      expect(await orders.findOne({ _id: "o1" })).toEqual({
        _id: "o1",
        lines: [
          { sku: "a", qty: 11 },
          { sku: "b", qty: 3, bulk: true },
          { sku: "c", qty: 5, bulk: true },
        ],
      });
    });

    it("findOneAndUpdate returns the document before (default) or after, in sort order, with upsert", async () => {
      const queue = db().collection<TestDoc>("queue");
      await queue.insertMany([
        { _id: "j2", priority: 2, state: "ready" },
        { _id: "j1", priority: 1, state: "ready" },
      ]);
      const before = await queue.findOneAndUpdate({ state: "ready" }, { $set: { state: "taken" } }, { sort: { priority: 1 } });
      expect(before).toEqual({ _id: "j1", priority: 1, state: "ready" });
      const after = await queue.findOneAndUpdate(
        { state: "ready" },
        { $set: { state: "taken" } },
        { returnDocument: "after", projection: { state: 1 } },
      );
      expect(after).toEqual({ _id: "j2", state: "taken" });
      expect(await queue.findOneAndUpdate({ state: "ready" }, { $set: { state: "taken" } }, {})).toBeNull();
      const created = await queue.findOneAndUpdate(
        { _id: "j3" },
        { $set: { state: "ready" }, $setOnInsert: { priority: 9 } },
        { upsert: true, returnDocument: "after" },
      );
      expect(created).toEqual({ _id: "j3", state: "ready", priority: 9 });
      expect(await queue.findOneAndUpdate({ _id: "j4" }, { $set: { state: "ready" } }, { upsert: true })).toBeNull();
      expect(await queue.countDocuments({})).toBe(4);
    });

    it("refuse replacement documents and changes to _id", async () => {
      const tasks = db().collection<TestDoc>("tasks");
      await tasks.insertOne({ _id: "t1", title: "x" });
      await expect(tasks.updateOne({ _id: "t1" }, { title: "y" })).rejects.toThrow(/atomic operators/);
      await expect(tasks.updateOne({ _id: "t1" }, { $set: { _id: "t2" } })).rejects.toMatchObject({ code: 66 });
      expect(await tasks.findOne({ _id: "t1" })).toEqual({ _id: "t1", title: "x" });
    });
  });
}
