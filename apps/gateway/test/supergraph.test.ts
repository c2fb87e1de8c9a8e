import { describe, expect, it } from "vitest";
import { supergraphFileProblems } from "../src/supergraph-file";

describe("checked-in supergraph.graphql", () => {
  it("composes from every listed subgraph's schema.graphql and matches the checked-in file", async () => {
    expect(await supergraphFileProblems()).toEqual([]);
  });
});
