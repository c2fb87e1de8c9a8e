import { describe, expect, it } from "vitest";
import type { Collection, Filter } from "../../src/collection";
import type { CurrentDatabase, TestDoc } from "../conformance";

const PEOPLE = [
  {
    _id: "p1",
    name: "An",
    unit: "26734",
    age: 30,
    tags: ["youth", "volunteer"],
    address: { ward: "Bến Thành" },
    visits: [{ year: 2024, ok: true }],
  },
  {
    _id: "p2",
    name: "Bình",
    unit: "26734",
    age: 45,
    tags: ["veteran"],
    address: { ward: "Bến Thành" },
    visits: [
      { year: 2023, ok: false },
      { year: 2025, ok: true },
    ],
  },
  { _id: "p3", name: "Chi", unit: "26740", age: 67, tags: [], address: { ward: "Sài Gòn" }, retiredAt: new Date("2020-05-01T00:00:00Z") },
  { _id: "p4", name: "Dũng", unit: "26740", age: 19, tags: ["youth"], address: { ward: "Sài Gòn" }, visits: [] },
  { _id: "p5", name: "Em", unit: "26743", age: 52, tags: ["veteran", "volunteer"], address: { ward: "Tân Định" } },
];

async function seeded(db: CurrentDatabase): Promise<Collection<TestDoc>> {
  const people = db().collection<TestDoc>("people");
  await people.insertMany(PEOPLE.map((person) => ({ ...person })));
  return people;
}

async function ids(people: Collection<TestDoc>, filter: Filter<TestDoc>): Promise<string[]> {
  return (await people.find(filter).toArray()).map((doc) => String(doc._id)).sort();
}

export function describeQueries(db: CurrentDatabase): void {
  describe("query operators", () => {
    it("compare, match sets and combine conditions", async () => {
      const people = await seeded(db);
      expect(await ids(people, { age: { $gte: 45, $lt: 67 } })).toEqual(["p2", "p5"]);
      expect(await ids(people, { unit: { $in: ["26734", "26743"] } })).toEqual(["p1", "p2", "p5"]);
      expect(await ids(people, { unit: { $nin: ["26734", "26743"] } })).toEqual(["p3", "p4"]);
      expect(await ids(people, { unit: { $ne: "26740" }, age: { $gt: 40 } })).toEqual(["p2", "p5"]);
      expect(await ids(people, { $or: [{ age: { $lt: 20 } }, { age: { $gt: 60 } }] })).toEqual(["p3", "p4"]);
      expect(await ids(people, { $and: [{ unit: "26740" }, { age: { $gt: 60 } }] })).toEqual(["p3"]);
      expect(await ids(people, { age: { $not: { $gt: 40 } } })).toEqual(["p1", "p4"]);
    });

    it("test presence, patterns, nested fields and arrays", async () => {
      const people = await seeded(db);
      expect(await ids(people, { retiredAt: { $exists: true } })).toEqual(["p3"]);
      expect(await ids(people, { retiredAt: null })).toEqual(["p1", "p2", "p4", "p5"]);
      expect(await ids(people, { name: { $regex: "^b", $options: "i" } })).toEqual(["p2"]);
      expect(await ids(people, { "address.ward": "Sài Gòn" })).toEqual(["p3", "p4"]);
      expect(await ids(people, { tags: "youth" })).toEqual(["p1", "p4"]);
      expect(await ids(people, { tags: { $all: ["veteran", "volunteer"] } })).toEqual(["p5"]);
      expect(await ids(people, { tags: { $size: 0 } })).toEqual(["p3"]);
      expect(await ids(people, { visits: { $elemMatch: { year: { $gte: 2024 }, ok: true } } })).toEqual(["p1", "p2"]);
      expect(await ids(people, { "visits.year": 2023 })).toEqual(["p2"]);
    });
  });

  describe("sort, skip, limit and projection", () => {
    it("sort, skip and limit through options or cursor methods alike", async () => {
      const people = await seeded(db);
      const viaOptions = await people.find({}, { sort: { unit: 1, age: -1 }, skip: 1, limit: 3 }).toArray();
      const viaCursor = await people.find({}).sort({ unit: 1, age: -1 }).skip(1).limit(3).toArray();
      expect(viaOptions.map((doc) => doc._id)).toEqual(["p1", "p3", "p4"]);
      expect(viaCursor.map((doc) => doc._id)).toEqual(["p1", "p3", "p4"]);
    });

    it("project included or excluded fields", async () => {
      const people = await seeded(db);
      expect(await people.findOne({ _id: "p1" }, { projection: { name: 1, "address.ward": 1 } })).toEqual({
        _id: "p1",
        name: "An",
        address: { ward: "Bến Thành" },
      });
      expect(await people.findOne({ _id: "p1" }, { projection: { _id: 0, name: 1 } })).toEqual({ name: "An" });
      const withoutLists = await people.findOne({ _id: "p4" }, { projection: { tags: 0, visits: 0, address: 0 } });
      expect(withoutLists).toEqual({ _id: "p4", name: "Dũng", unit: "26740", age: 19 });
    });

    it("sort on a field the projection leaves out", async () => {
      const people = await seeded(db);
      const names = await people.find({}, { sort: { age: 1 }, projection: { _id: 0, name: 1 }, limit: 2 }).toArray();
      expect(names).toEqual([{ name: "Dũng" }, { name: "An" }]);
    });

    it("findOne takes the first in sort order", async () => {
      const people = await seeded(db);
      expect(await people.findOne({ unit: "26734" }, { sort: { age: -1 } })).toMatchObject({ _id: "p2" });
    });

    it("iterates a cursor with for await", async () => {
      const people = await seeded(db);
      const seen: string[] = [];
      for await (const person of people.find({ unit: "26740" }).sort({ age: 1 })) seen.push(String(person.name));
      expect(seen).toEqual(["Dũng", "Chi"]);
    });

    it("countDocuments counts matches, honouring skip and limit", async () => {
      const people = await seeded(db);
      expect(await people.countDocuments()).toBe(5);
      expect(await people.countDocuments({ tags: "veteran" })).toBe(2);
      expect(await people.countDocuments({}, { skip: 1, limit: 3 })).toBe(3);
      expect(await people.countDocuments({}, { skip: 4 })).toBe(1);
    });
  });
}
