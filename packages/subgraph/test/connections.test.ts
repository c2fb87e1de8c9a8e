import { describe, expect, it } from "vitest";
import { resolveCursorPage, resolveOffsetPage } from "../src/connections";
import { ValidationError } from "../src/errors";

const codes = ["26734", "26737", "26740", "26743", "26746"];

// A source that pages by key, as a store query sorted on a unique field would.
function byKey({ after, before, limit, inverted }: { after?: string; before?: string; limit: number; inverted: boolean }) {
  const window = codes.filter((code) => (after === undefined || code > after) && (before === undefined || code < before));
  return (inverted ? [...window].reverse() : window).slice(0, limit);
}

describe("connection helpers", () => {
  it("walk a cursor connection page by page", async () => {
    const first = await resolveCursorPage({ first: 2 }, codes.length, (code) => code, byKey);
    expect(first.edges.map((edge) => edge?.node)).toEqual(["26734", "26737"]);
    expect(first.pageInfo.hasNextPage).toBe(true);
    expect(first.totalCount).toBe(5);

    const last = await resolveCursorPage({ first: 10, after: first.pageInfo.endCursor }, codes.length, (code) => code, byKey);
    expect(last.edges.map((edge) => edge?.node)).toEqual(["26740", "26743", "26746"]);
    expect(last.pageInfo.hasNextPage).toBe(false);
  });

  it("page backwards with last/before", async () => {
    const page = await resolveCursorPage({ last: 2, before: "26746" }, codes.length, (code) => code, byKey);
    expect(page.edges.map((edge) => edge?.node)).toEqual(["26740", "26743"]);
  });

  it("refuse a page above the hard maximum, naming the argument", async () => {
    const error = await resolveOffsetPage({ last: 101 }, 0, () => []).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).fields).toEqual([{ path: ["last"], message: "phải từ 0 đến 100" }]);
    await expect(resolveCursorPage({ first: 1000 }, 0, String, () => [])).rejects.toBeInstanceOf(ValidationError);
  });
});
