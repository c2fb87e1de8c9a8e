import { describe, expect, it } from "vitest";
import { printSubgraphSdl } from "../src/print-schema";
import { createSampleSchema } from "./sample-schema";

describe("printSubgraphSdl", () => {
  it("prints the same SDL for the same schema, with federation directives", () => {
    const sdl = printSubgraphSdl(createSampleSchema());
    expect(printSubgraphSdl(createSampleSchema())).toBe(sdl);
    expect(sdl).toContain('@link(url: "https://specs.apollo.dev/federation/v2.6", import: ["@key", "@shareable"])');
    expect(sdl).toMatch(/type Unit\s+@key\(fields: "code"\)/);
    expect(sdl).not.toContain("_service");
  });

  it("marks the value types every subgraph repeats as shareable, so composition accepts them", () => {
    const sdl = printSubgraphSdl(createSampleSchema());
    for (const type of [
      "ValidationError",
      "NotAllowedError",
      "NotFoundError",
      "ConflictError",
      "InvalidTransitionError",
      "FieldError",
      "PageInfo",
    ]) {
      expect(sdl).toMatch(new RegExp(`type ${type}( implements Error)?\\s+@shareable`));
    }
  });

  it("follows the shared conventions: Error interface, ErrorCode, payload unions, connections", () => {
    const sdl = printSubgraphSdl(createSampleSchema());
    expect(sdl).toContain("interface Error {\n  code: ErrorCode!\n  message: String!\n}");
    expect(sdl).toContain("union RenameUnitPayload = ValidationError | NotAllowedError | NotFoundError | RenameUnitSuccess");
    expect(sdl).toContain("renameUnit(input: RenameUnitInput!): RenameUnitPayload!");
    expect(sdl).toContain("edges: [QueryUnitsConnectionEdge!]!");
    expect(sdl).toContain("totalCount: Int!");
    expect(sdl).toMatch(/type InvalidTransitionError implements Error\s+@shareable\s+\{[^}]*from: String![^}]*attempted: String!/);
  });
});
