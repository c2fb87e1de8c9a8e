import { rm } from "node:fs/promises";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openEmbeddedStore, type EmbeddedCollection, type EmbeddedStore } from "../src/embedded";
import type { TestDoc } from "./conformance";
import { makeTempDir } from "./support/temp-store";

const UNITS = 10;
const PER_UNIT = 40;

describe("embedded engine: indexes", () => {
  let dir = "";
  let store: EmbeddedStore;
  let tasks: EmbeddedCollection<TestDoc>;

  beforeEach(async () => {
    dir = await makeTempDir();
    store = await openEmbeddedStore({ dir, fsync: "never" });
    tasks = store.db("svc").collection<TestDoc>("tasks");
    await tasks.createIndex({ unit: 1, status: 1 });
    await tasks.createIndex({ dueDay: 1 });
    const docs: TestDoc[] = [];
    for (let n = 0; n < UNITS * PER_UNIT; n++)
      docs.push({ _id: `t${n}`, unit: `u${n % UNITS}`, dueDay: n, status: n % 2 ? "open" : "done", title: `task ${n}` });
    await tasks.insertMany(docs);
  });

  afterEach(async () => {
    await store.close();
    await rm(dir, { recursive: true, force: true });
  });

  const examined = () => tasks.stats().lastQuery;

  it("answers equality, $in and ranges from the index instead of scanning", async () => {
    expect(await tasks.countDocuments({ unit: "u3" })).toBe(PER_UNIT);
    expect(examined()).toEqual({ index: "unit_1_status_1", keysExamined: 1, examined: PER_UNIT, returned: PER_UNIT });

    expect(await tasks.countDocuments({ unit: { $in: ["u1", "u2"] }, status: "open" })).toBe(PER_UNIT);
    expect(examined()).toMatchObject({ index: "unit_1_status_1", examined: 2 * PER_UNIT });

    expect(await tasks.find({ dueDay: { $gte: 100, $lt: 110 } }).toArray()).toHaveLength(10);
    expect(examined()).toMatchObject({ index: "dueDay_1", examined: 10 });

    expect(await tasks.findOne({ _id: "t7" })).toMatchObject({ title: "task 7" });
    expect(examined()).toMatchObject({ index: "_id_", examined: 1 });

    await tasks.updateMany({ dueDay: { $lt: 5 } }, { $set: { status: "late" } });
    expect(examined()).toMatchObject({ index: "dueDay_1", examined: 5 });
    expect(await tasks.countDocuments({ status: "late" })).toBe(5);
  });

  it("picks the narrowest index and scans only when no index applies", async () => {
    await tasks.countDocuments({ unit: "u3", dueDay: 13 });
    expect(examined()).toMatchObject({ index: "dueDay_1", examined: 1, returned: 1 });
    await tasks.countDocuments({ title: "task 5" });
    expect(examined()).toMatchObject({ index: null, examined: UNITS * PER_UNIT, returned: 1 });
  });

  it("sizes each index lookup before fetching ids: a wide range is read no further than the narrowest lookup", async () => {
    const everyDay = { $gte: 0 };
    expect(await tasks.countDocuments({ dueDay: everyDay, unit: "u3" })).toBe(PER_UNIT);
    // One read for unit "u3", the range up to one key past its size, one read to fetch u3's ids.
    expect(examined()).toEqual({ index: "unit_1_status_1", keysExamined: PER_UNIT + 2, examined: PER_UNIT, returned: PER_UNIT });

    expect(await tasks.countDocuments({ $and: [{ dueDay: everyDay }, { unit: { $in: ["u3", "u4"] } }], status: "open" })).toBe(PER_UNIT);
    expect(examined()).toMatchObject({ index: "unit_1_status_1", examined: 2 * PER_UNIT });
    expect(examined()?.keysExamined).toBeLessThanOrEqual(2 * PER_UNIT + 4);

    // Only ranges: each is read in growing steps, so the wide one stops soon after the narrow one fits.
    expect(await tasks.countDocuments({ dueDay: everyDay, unit: { $gte: "u9" } })).toBe(PER_UNIT);
    expect(examined()).toMatchObject({ index: "unit_1_status_1", examined: PER_UNIT });
    expect(examined()?.keysExamined).toBeLessThan((UNITS * PER_UNIT) / 4);

    // An $or is sized as the sum of its branches and fetched as their union.
    expect(await tasks.countDocuments({ dueDay: everyDay, $or: [{ unit: "u1" }, { dueDay: { $lt: 3 } }] })).toBe(PER_UNIT + 2);
    expect(examined()).toMatchObject({ index: "unit_1_status_1+dueDay_1", examined: PER_UNIT + 2 });
    expect(examined()?.keysExamined).toBeLessThan((UNITS * PER_UNIT) / 4);
  });

  it("keeps range answers exact when an update turns an indexed field into an array and back", async () => {
    const idsIn = async (filter: Record<string, unknown>) => (await tasks.find(filter).toArray()).map((doc) => doc._id);
    await tasks.updateOne({ _id: "t7" }, { $set: { dueDay: [1000, -5] } });
    // Each bound may be met by a different element of the array.
    expect(await idsIn({ dueDay: { $gt: 999, $lt: 0 } })).toEqual(["t7"]);
    await tasks.updateOne({ _id: "t7" }, { $set: { dueDay: [7] } });
    expect(await idsIn({ dueDay: { $gte: 5, $lt: 9 } })).toEqual(["t5", "t6", "t7", "t8"]);
    // Same value, no longer an array: the bounds may be intersected again.
    await tasks.updateOne({ _id: "t7" }, { $set: { dueDay: 7 } });
    expect(await idsIn({ dueDay: { $gte: 5, $lt: 9 } })).toEqual(["t5", "t6", "t7", "t8"]);
    expect(examined()).toMatchObject({ index: "dueDay_1", examined: 4 });
  });

  it("checks a compound unique key when any of its fields changes, and only the owner may keep it", async () => {
    await tasks.createIndex({ unit: 1, dueDay: 1 }, { unique: true });
    await tasks.updateOne({ _id: "t3" }, { $set: { title: "renamed" }, $inc: { dueDay: 0 } });
    expect(await tasks.findOne({ unit: "u3", dueDay: 3 })).toMatchObject({ _id: "t3", title: "renamed" });
    await expect(tasks.updateOne({ _id: "t3" }, { $set: { dueDay: 13 } })).rejects.toMatchObject({ code: 11000 });
    await tasks.updateOne({ _id: "t3" }, { $set: { dueDay: 3000 } });
    expect(await tasks.countDocuments({ dueDay: { $gte: 3000 } })).toBe(1);
    await tasks.insertOne({ _id: "t-new", unit: "u3", dueDay: 3, status: "open", title: "takes the freed key" });
  });

  it("keeps index entries current as documents change and persists definitions across reopen", async () => {
    await tasks.updateOne({ _id: "t3" }, { $set: { unit: "moved" } });
    await tasks.deleteOne({ _id: "t13" });
    expect((await tasks.find({ unit: "u3" }).toArray()).map((doc) => doc._id)).not.toContain("t3");
    expect(examined()).toMatchObject({ examined: PER_UNIT - 2 });
    await store.close();
    store = await openEmbeddedStore({ dir });
    tasks = store.db("svc").collection<TestDoc>("tasks");
    expect(tasks.stats().indexes.map((index) => index.name)).toEqual(["_id_", "unit_1_status_1", "dueDay_1"]);
    expect(await tasks.find({ unit: "moved" }).toArray()).toHaveLength(1);
    expect(examined()).toMatchObject({ index: "unit_1_status_1", examined: 1 });
  });
});
