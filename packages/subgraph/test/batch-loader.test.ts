import { describe, expect, it } from "vitest";
import { createBatchLoader, loaderOf } from "../src/batch-loader";

describe("batch loader", () => {
  it("answers every load of one tick with a single fetch of the distinct keys", async () => {
    const fetches: string[][] = [];
    const loader = createBatchLoader(async (keys: readonly string[]) => {
      fetches.push([...keys]);
      return new Map(keys.map((key) => [key, key.toUpperCase()]));
    });
    const values = await Promise.all(["a", "b", "a", "c"].map((key) => loader.load(key)));
    expect(values).toEqual(["A", "B", "A", "C"]);
    expect(fetches).toEqual([["a", "b", "c"]]);
    expect(await loader.load("d")).toBe("D");
    expect(fetches).toHaveLength(2);
  });

  it("gives undefined for a key the fetch did not find, and passes a failed fetch to every caller", async () => {
    const missing = createBatchLoader(async () => new Map<string, number>());
    expect(await missing.load("x")).toBeUndefined();
    const failing = createBatchLoader<string, number>(async () => Promise.reject(new Error("store down")));
    await expect(Promise.all([failing.load("a"), failing.load("b")])).rejects.toThrow("store down");
  });

  it("keeps one loader per request context", () => {
    const fetch = async () => new Map<string, number>();
    const first = {};
    expect(loaderOf(first, "officials", fetch)).toBe(loaderOf(first, "officials", fetch));
    expect(loaderOf({}, "officials", fetch)).not.toBe(loaderOf(first, "officials", fetch));
  });
});
