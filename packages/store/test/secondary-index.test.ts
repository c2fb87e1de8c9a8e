import { describe, expect, it } from "vitest";
import { SecondaryIndex, type KeyRange } from "../src/embedded/secondary-index";

const byUnit = new SecondaryIndex({ name: "unit_1_status_1", key: { unit: 1, status: 1 }, unique: false });
const uniqueByUnit = new SecondaryIndex({ name: "unit_code", key: { unit: 1, code: 1 }, unique: true });
const byTag = new SecondaryIndex({ name: "tags_1", key: { tags: 1 }, unique: false });

describe("SecondaryIndex.sameEntries: which updates need no index maintenance", () => {
  it("an update outside the index's fields leaves its entries alone", () => {
    expect(byUnit.sameEntries({ _id: 1, unit: "u1", version: 1 }, { _id: 1, unit: "u1", version: 2, note: "x" })).toBe(true);
    expect(byTag.sameEntries({ _id: 1, tags: ["a", "b"] }, { _id: 1, tags: ["a", "b"], seen: true })).toBe(true);
  });

  it("a changed, added or removed first-field value needs maintenance", () => {
    expect(byUnit.sameEntries({ _id: 1, unit: "u1" }, { _id: 1, unit: "u2" })).toBe(false);
    expect(byUnit.sameEntries({ _id: 1, unit: "u1" }, { _id: 1 })).toBe(false);
    expect(byUnit.sameEntries({ _id: 1, unit: 1 }, { _id: 1, unit: "1" })).toBe(false);
    expect(byTag.sameEntries({ _id: 1, tags: ["a"] }, { _id: 1, tags: ["a", "b"] })).toBe(false);
  });

  it("the same value moving into or out of an array needs maintenance: ranges on array fields are answered differently", () => {
    expect(byTag.sameEntries({ _id: 1, tags: "a" }, { _id: 1, tags: ["a"] })).toBe(false);
    expect(byTag.sameEntries({ _id: 1, tags: ["a"] }, { _id: 1, tags: "a" })).toBe(false);
  });

  it("later fields matter only to a unique index, whose full key tuples are enforced", () => {
    expect(byUnit.sameEntries({ _id: 1, unit: "u1", status: "open" }, { _id: 1, unit: "u1", status: "done" })).toBe(true);
    expect(uniqueByUnit.sameEntries({ _id: 1, unit: "u1", code: "A" }, { _id: 1, unit: "u1", code: "B" })).toBe(false);
  });
});

describe("SecondaryIndex.countRange: sizing a range without collecting it", () => {
  const byDay = new SecondaryIndex({ name: "day_1", key: { day: 1 }, unique: false });
  for (let n = 0; n < 100; n++) byDay.add({ _id: n, day: n % 50 }, `n:${n}`);
  const from10: KeyRange = { type: "number", lower: { value: 10, inclusive: true } };

  it("counts every entry in the range when the limit allows, as many as a lookup returns", () => {
    const reads = { keys: 0 };
    expect(byDay.countRange(from10, Infinity, reads)).toBe(80);
    expect(reads.keys).toBe(40);
    expect(byDay.lookupRange(from10, { keys: 0 }).size).toBe(80);
  });

  it("stops reading keys as soon as the count passes the limit", () => {
    const reads = { keys: 0 };
    expect(byDay.countRange(from10, 7, reads)).toBeGreaterThan(7);
    expect(reads.keys).toBe(4);
  });
});
