import { describe, expect, it } from "vitest";
import { insertIfAbsent } from "../../src/insert-if-absent";
import { applyNewerFields, type ReadModelDocument } from "../../src/read-model";
import type { CurrentDatabase, TestDoc } from "../conformance";

interface Person {
  name: string;
  unit: string;
  email: string;
}

export function describeReadModels(db: CurrentDatabase): void {
  describe("insert if absent", () => {
    it("inserts once and answers false for the same _id again, keeping the first", async () => {
      const things = db().collection<TestDoc>("things");
      expect(await insertIfAbsent(things, { _id: "a", n: 1 })).toBe(true);
      expect(await insertIfAbsent(things, { _id: "a", n: 2 })).toBe(false);
      expect(await things.findOne({ _id: "a" })).toEqual({ _id: "a", n: 1 });
    });

    it("answers false for a duplicate on a unique index too", async () => {
      const things = db().collection<TestDoc>("things");
      await things.createIndex({ code: 1 }, { unique: true });
      expect(await insertIfAbsent(things, { _id: "a", code: "K" })).toBe(true);
      expect(await insertIfAbsent(things, { _id: "b", code: "K" })).toBe(false);
      expect(await things.countDocuments()).toBe(1);
    });
  });

  describe("read models: apply newer fields", () => {
    it("a conditional upsert that misses an existing _id fails with a duplicate key and changes nothing", async () => {
      const things = db().collection<TestDoc>("things");
      await things.insertOne({ _id: "a", v: 5 });
      await expect(things.updateOne({ _id: "a", v: { $lt: 3 } }, { $set: { v: 3 } }, { upsert: true })).rejects.toMatchObject({
        code: 11000,
      });
      expect(await things.findOne({ _id: "a" })).toEqual({ _id: "a", v: 5 });
    });

    it("creates the record on first sight, whichever event comes first", async () => {
      const people = db().collection<ReadModelDocument<Person>>("people");
      await applyNewerFields<Person>(people, "p1", 3, { unit: "26740" });
      expect(await people.findOne({ _id: "p1" })).toEqual({ _id: "p1", unit: "26740", versions: { unit: 3 } });
    });

    it("takes each field only from an event newer than the one that last wrote it", async () => {
      const people = db().collection<ReadModelDocument<Person>>("people");
      await applyNewerFields<Person>(people, "p1", 2, { name: "Bình" });
      await applyNewerFields<Person>(people, "p1", 1, { name: "An", unit: "26734", email: "an@mttq.vn" });
      expect(await people.findOne({ _id: "p1" })).toEqual({
        _id: "p1",
        name: "Bình",
        unit: "26734",
        email: "an@mttq.vn",
        versions: { name: 2, unit: 1, email: 1 },
      });
    });

    it("null removes a field, absent or undefined leaves it alone, and an older value does not bring it back", async () => {
      const people = db().collection<ReadModelDocument<Person>>("people");
      await applyNewerFields<Person>(people, "p1", 1, { name: "An", email: "an@mttq.vn" });
      await applyNewerFields<Person>(people, "p1", 3, { email: null, name: undefined });
      await applyNewerFields<Person>(people, "p1", 2, { email: "old@mttq.vn" });
      expect(await people.findOne({ _id: "p1" })).toEqual({ _id: "p1", name: "An", versions: { name: 1, email: 3 } });
    });

    it("a record written before per-field versions counts as known up to its one version", async () => {
      const people = db().collection<ReadModelDocument<Person>>("people");
      await people.insertOne({ _id: "p1", name: "An", unit: "26734", version: 4 });
      await applyNewerFields<Person>(people, "p1", 3, { name: "Older", unit: "26740" });
      await applyNewerFields<Person>(people, "p1", 5, { unit: "26743" });
      expect(await people.findOne({ _id: "p1" })).toEqual({ _id: "p1", name: "An", unit: "26743", version: 4, versions: { unit: 5 } });
    });

    it("concurrent applies of many events to a new record keep the newest value of every field", async () => {
      const people = db().collection<ReadModelDocument<Person>>("people");
      const versions = [4, 1, 6, 2, 5, 3];
      await Promise.all(
        versions.flatMap((version) => [
          applyNewerFields<Person>(people, "p1", version, { name: `name ${version}`, unit: `unit ${version}` }),
          applyNewerFields<Person>(people, "p1", version, { name: `name ${version}`, unit: `unit ${version}` }),
        ]),
      );
      expect(await people.findOne({ _id: "p1" })).toEqual({ _id: "p1", name: "name 6", unit: "unit 6", versions: { name: 6, unit: 6 } });
    });
  });
}
