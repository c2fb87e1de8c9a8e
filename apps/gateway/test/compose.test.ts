import { describe, expect, it } from "vitest";
import { composeSupergraph } from "../src/compose";
import { TASKS_SDL, UNITS_SDL } from "./support/test-subgraphs";

const units = { name: "units", url: "http://127.0.0.1:4001/graphql", sdl: UNITS_SDL };
const tasks = { name: "tasks", url: "http://127.0.0.1:4002/graphql", sdl: TASKS_SDL };

describe("composeSupergraph", () => {
  it("joins a type owned by one subgraph and extended by another", () => {
    const outcome = composeSupergraph([units, tasks]);
    if (!outcome.ok) throw new Error(outcome.errors.join("\n"));
    expect(outcome.supergraphSdl).toMatch(/type Unit[^{]*\{[^}]*\bname: String!/s);
    expect(outcome.supergraphSdl).toMatch(/type Unit[^{]*\{[^}]*\bopenTasks: Int!/s);
    expect(outcome.supergraphSdl).toContain('url: "http://127.0.0.1:4002/graphql"');
  });

  it("gives the same output whatever order the subgraphs are listed in", () => {
    expect(composeSupergraph([units, tasks])).toEqual(composeSupergraph([tasks, units]));
  });

  it("reports conflicting definitions instead of composing them", () => {
    const conflicting = { ...tasks, sdl: TASKS_SDL.replace("openTasks: Int!", "openTasks: Int!\n    name: Int!") };
    const outcome = composeSupergraph([units, conflicting]);
    expect(outcome.ok).toBe(false);
    expect(outcome.ok ? [] : outcome.errors.join("\n")).toMatch(/Unit\.name/);
  });

  it("names the subgraph whose SDL does not parse", () => {
    expect(composeSupergraph([units, { ...tasks, sdl: "type Unit {" }])).toEqual({
      ok: false,
      errors: [expect.stringContaining('subgraph "tasks"')],
    });
  });

  it("refuses a subgraph listed twice and an empty list", () => {
    expect(composeSupergraph([units, units])).toEqual({ ok: false, errors: ['subgraph "units" is listed more than once'] });
    expect(composeSupergraph([])).toEqual({ ok: false, errors: ["no subgraphs to compose"] });
  });
});
