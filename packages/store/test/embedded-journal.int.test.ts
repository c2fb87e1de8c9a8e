import { appendFile, readFile, readdir, rm, stat, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { ObjectId } from "mongodb";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openEmbeddedStore, type EmbeddedStore } from "../src/embedded";
import type { TestDoc } from "./conformance";
import { makeTempDir } from "./support/temp-store";

describe("embedded engine: journal", () => {
  let dir = "";
  let open: EmbeddedStore[] = [];

  const openStore = async (options: { fsync?: "always" | "batch" | "never"; compactAfterSupersededLines?: number } = {}) => {
    const store = await openEmbeddedStore({ dir, ...options });
    open.push(store);
    return store;
  };
  const reopen = async (store: EmbeddedStore, options?: Parameters<typeof openStore>[0]) => {
    await store.close();
    return openStore(options);
  };
  const journal = () => join(dir, "svc", "things.jsonl");

  beforeEach(async () => {
    dir = await makeTempDir();
    open = [];
  });

  afterEach(async () => {
    for (const store of open) await store.close();
    await rm(dir, { recursive: true, force: true });
  });

  it("keeps every acknowledged write across a reopen, with dates and ObjectIds intact", async () => {
    let store = await openStore();
    const things = store.db("svc").collection<TestDoc>("things");
    const owner = new ObjectId();
    await things.insertOne({ _id: "a", at: new Date("2025-04-30T10:00:00Z"), owner, nested: { list: [1, { deep: true }] } });
    await things.insertOne({ _id: "b", n: 1 });
    await things.updateOne({ _id: "b" }, { $inc: { n: 1 } });
    await things.insertOne({ _id: "c" });
    await things.deleteOne({ _id: "c" });
    store = await reopen(store);
    const docs = await store.db("svc").collection<TestDoc>("things").find({}).toArray();
    expect(docs).toEqual([
      { _id: "a", at: new Date("2025-04-30T10:00:00Z"), owner, nested: { list: [1, { deep: true }] } },
      { _id: "b", n: 2 },
    ]);
    expect(docs[0]!.at).toBeInstanceOf(Date);
    expect(docs[0]!.owner).toBeInstanceOf(ObjectId);
  });

  it("refuses field names starting with $, which the journal would read back as another type, and writes nothing", async () => {
    let store = await openStore();
    const things = store.db("svc").collection<TestDoc>("things");
    await expect(things.insertOne({ _id: "a", meta: { $date: "soon" } })).rejects.toThrow(
      /field name 'meta\.\$date' must not start with '\$'/,
    );
    await things.insertOne({ _id: "b", meta: {} });
    await expect(things.updateOne({ _id: "b" }, { $set: { meta: { $oid: "0123456789abcdef01234567" } } })).rejects.toThrow(
      /must not start with/,
    );
    store = await reopen(store);
    expect(await store.db("svc").collection<TestDoc>("things").find({}).toArray()).toEqual([{ _id: "b", meta: {} }]);
  });

  it.each([
    { fsync: "always", fsyncsFor30Writes: (count: number) => count >= 30 },
    { fsync: "batch", fsyncsFor30Writes: (count: number) => count >= 1 && count <= 3 },
    { fsync: "never", fsyncsFor30Writes: (count: number) => count === 0 },
  ] as const)(
    "fsync $fsync: concurrent writes share fsyncs as the policy says and all survive a reopen",
    async ({ fsync, fsyncsFor30Writes }) => {
      let store = await openStore({ fsync });
      const things = store.db("svc").collection<TestDoc>("things");
      await Promise.all(Array.from({ length: 30 }, (_, n) => things.insertOne({ _id: n, n })));
      expect(fsyncsFor30Writes(store.stats().fsyncCount)).toBe(true);
      store = await reopen(store, { fsync });
      expect(await store.db("svc").collection<TestDoc>("things").countDocuments({})).toBe(30);
    },
  );

  it("drops a torn last line, truncates the file and keeps working", async () => {
    let store = await openStore();
    await store
      .db("svc")
      .collection<TestDoc>("things")
      .insertMany([{ _id: 1 }, { _id: 2 }]);
    await store.close();
    const intactSize = (await stat(journal())).size;
    await appendFile(journal(), '{"op":"put","doc":{"_id":3,"na');
    store = await openStore();
    const things = store.db("svc").collection<TestDoc>("things");
    expect(await things.countDocuments({})).toBe(2);
    expect((await stat(journal())).size).toBe(intactSize);
    await things.insertOne({ _id: 4 });
    store = await reopen(store);
    expect((await store.db("svc").collection<TestDoc>("things").find({}).toArray()).map((doc) => doc._id)).toEqual([1, 2, 4]);
  });

  it("drops a garbage last line (zeroed block after a crash)", async () => {
    let store = await openStore();
    await store.db("svc").collection<TestDoc>("things").insertOne({ _id: 1 });
    await store.close();
    await appendFile(journal(), Buffer.alloc(64));
    await appendFile(journal(), "\n");
    store = await openStore();
    expect(await store.db("svc").collection<TestDoc>("things").countDocuments({})).toBe(1);
  });

  it("refuses to open when a line in the middle is corrupt, naming the file and line", async () => {
    const store = await openStore();
    await store
      .db("svc")
      .collection<TestDoc>("things")
      .insertMany([{ _id: 1 }, { _id: 2 }, { _id: 3 }]);
    await store.close();
    const lines = (await readFile(journal(), "utf8")).split("\n");
    lines[1] = '{"op":"put","doc":{"_id":2';
    await writeFile(journal(), lines.join("\n"));
    const failure = openEmbeddedStore({ dir });
    await expect(failure).rejects.toThrow(journal());
    await expect(failure).rejects.toThrow(/corrupt at line 2/);
    const unknownOp = ['{"op":"put","doc":{"_id":1}}', '{"op":"rename","to":"x"}', '{"op":"put","doc":{"_id":2}}', ""].join("\n");
    await writeFile(journal(), unknownOp);
    await expect(openEmbeddedStore({ dir })).rejects.toThrow(/line 2: op/);
  });

  it("compacts a journal full of superseded lines without losing data or indexes", async () => {
    let store = await openStore({ compactAfterSupersededLines: 10 });
    const things = store.db("svc").collection<TestDoc>("things");
    await things.createIndex({ code: 1 }, { unique: true });
    await things.insertMany([
      { _id: 1, code: "a", n: 0 },
      { _id: 2, code: "b", n: 0 },
      { _id: 3, code: "c", n: 0 },
    ]);
    for (let round = 0; round < 10; round++) await things.updateMany({}, { $inc: { n: 1 } });
    await things.deleteOne({ _id: 3 });
    const linesBefore = (await readFile(journal(), "utf8")).trimEnd().split("\n").length;
    store = await reopen(store, { compactAfterSupersededLines: 10 });
    const lines = (await readFile(journal(), "utf8")).trimEnd().split("\n");
    expect(linesBefore).toBe(1 + 3 + 30 + 1);
    expect(lines).toHaveLength(1 + 2);
    const reopened = store.db("svc").collection<TestDoc>("things");
    expect(await reopened.find({}).toArray()).toEqual([
      { _id: 1, code: "a", n: 10 },
      { _id: 2, code: "b", n: 10 },
    ]);
    await expect(reopened.insertOne({ _id: 9, code: "a" })).rejects.toMatchObject({ code: 11000 });
    expect((await readdir(join(dir, "svc"))).sort()).toEqual(["things.jsonl"]);
  });

  it("ignores a temp file left by a compaction that crashed before its rename", async () => {
    let store = await openStore();
    await store.db("svc").collection<TestDoc>("things").insertOne({ _id: 1 });
    await store.close();
    await writeFile(`${journal()}.compacting`, '{"op":"put","doc":{"_id":"half-written');
    store = await openStore();
    expect(await store.db("svc").collection<TestDoc>("things").find({}).toArray()).toEqual([{ _id: 1 }]);
    expect(await readdir(join(dir, "svc"))).toEqual(["things.jsonl"]);
  });

  it("lets one store at a time use a folder, and refuses work once closed", async () => {
    const store = await openStore();
    await expect(openEmbeddedStore({ dir })).rejects.toThrow(/already open/);
    const things = store.db("svc").collection<TestDoc>("things");
    await store.close();
    await expect(things.insertOne({ _id: 1 })).rejects.toThrow(/closed/);
    await (await openStore()).db("svc").collection<TestDoc>("things").insertOne({ _id: 1 });
  });

  it("refuses names that are not safe as file names, and bad options", async () => {
    const store = await openStore();
    expect(() => store.db("../escape")).toThrow(/invalid database name/);
    expect(() => store.db("svc").collection("a/b")).toThrow(/invalid collection name/);
    await expect(openEmbeddedStore({ dir: join(dir, "other"), fsync: "sometimes" as "always" })).rejects.toThrow(/fsync/);
  });
});
