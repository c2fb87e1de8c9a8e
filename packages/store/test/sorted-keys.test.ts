import { describe, expect, it } from "vitest";
import { MAX_CHUNK, SortedKeys, type Bound } from "../src/embedded/sorted-keys";

/** mulberry32: the same sequence of operations on every run. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const keyOf = (value: number | string) => `k:${value}`;

/** What `between` must return: the model's values inside the bounds, ascending. */
function expected(model: ReadonlySet<number | string>, lower?: Bound, upper?: Bound): string[] {
  return [...model]
    .filter((value) => !lower || (lower.inclusive ? value >= lower.value : value > lower.value))
    .filter((value) => !upper || (upper.inclusive ? value <= upper.value : value < upper.value))
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
    .map(keyOf);
}

function checkRanges(sorted: SortedKeys, model: ReadonlySet<number | string>, boundAt: () => number | string, random: () => number): void {
  expect([...sorted.between()]).toEqual(expected(model));
  expect(sorted.longestChunk).toBeLessThanOrEqual(MAX_CHUNK);
  for (let probe = 0; probe < 40; probe++) {
    const lower = random() < 0.8 ? { value: boundAt(), inclusive: random() < 0.5 } : undefined;
    const upper = random() < 0.8 ? { value: boundAt(), inclusive: random() < 0.5 } : undefined;
    expect([...sorted.between(lower, upper)]).toEqual(expected(model, lower, upper));
  }
}

describe("SortedKeys", () => {
  it("answers every range like a plain sorted list through inserts and removals in random order", () => {
    const random = seeded(11);
    const number = () => Math.floor(random() * 4_000) - 2_000;
    const sorted = new SortedKeys();
    const model = new Set<number | string>();
    for (let round = 0; round < 4; round++) {
      for (let step = 0; step < 3_000; step++) {
        const value = number();
        if (random() < 0.65) {
          sorted.add(value, keyOf(value));
          model.add(value);
        } else {
          sorted.remove(value);
          model.delete(value);
        }
      }
      checkRanges(sorted, model, number, random);
    }
    // Draining most values merges the shrinking chunks; ranges must stay exact meanwhile.
    const remaining = [...model].sort(() => random() - 0.5);
    for (const value of remaining.splice(0, remaining.length - 150)) {
      sorted.remove(value);
      model.delete(value);
    }
    checkRanges(sorted, model, number, random);
    for (const value of remaining) sorted.remove(value);
    expect([...sorted.between()]).toEqual([]);
  });

  it("orders strings by code unit, as mingo compares them, and ignores duplicates and unknown removals", () => {
    const random = seeded(5);
    const word = () => Math.floor(random() * 1e6).toString(36) + (random() < 0.2 ? "Đ" : "");
    const sorted = new SortedKeys();
    const model = new Set<number | string>();
    for (let step = 0; step < 2_500; step++) {
      const value = word();
      sorted.add(value, keyOf(value));
      sorted.add(value, keyOf(value));
      model.add(value);
    }
    sorted.remove("not there");
    checkRanges(sorted, model, word, random);
  });

  it("never shifts more than one bounded chunk per insert, whether values arrive sorted or shuffled", () => {
    const random = seeded(3);
    const ascending = new SortedKeys();
    const shuffled = new SortedKeys();
    const count = 20 * MAX_CHUNK;
    for (let value = 0; value < count; value++) {
      ascending.add(value, keyOf(value));
      const id = random().toString(36).slice(2);
      shuffled.add(id, keyOf(id));
    }
    expect(ascending.longestChunk).toBeLessThanOrEqual(MAX_CHUNK);
    expect(shuffled.longestChunk).toBeLessThanOrEqual(MAX_CHUNK);
    expect([...ascending.between({ value: 100, inclusive: true }, { value: 103, inclusive: false })]).toEqual(["k:100", "k:101", "k:102"]);
    expect([...ascending.between()]).toHaveLength(count);
  });
});
