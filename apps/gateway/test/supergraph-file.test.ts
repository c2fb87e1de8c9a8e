import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { supergraphFileProblems, writeSupergraphFile } from "../src/supergraph-file";
import { TASKS_SDL, UNITS_SDL } from "./support/test-subgraphs";

const subgraphs = [
  { name: "units", defaultUrl: "http://127.0.0.1:4001/graphql" },
  { name: "tasks", defaultUrl: "http://127.0.0.1:4002/graphql" },
];

describe("supergraph file", () => {
  let apps: string;

  beforeEach(async () => {
    apps = await mkdtemp(join(tmpdir(), "gateway-supergraph-"));
    for (const dir of ["units", "tasks", "gateway"]) await mkdir(join(apps, dir));
    await writeFile(join(apps, "units", "schema.graphql"), UNITS_SDL);
    await writeFile(join(apps, "tasks", "schema.graphql"), TASKS_SDL);
  });
  afterEach(() => rm(apps, { recursive: true, force: true }));

  it("is current right after compose writes it", async () => {
    expect((await writeSupergraphFile(subgraphs, apps)).ok).toBe(true);
    expect(await readFile(join(apps, "gateway", "supergraph.graphql"), "utf8")).toContain("openTasks");
    expect(await supergraphFileProblems(subgraphs, apps)).toEqual([]);
  });

  it("is stale once a subgraph schema changes", async () => {
    await writeSupergraphFile(subgraphs, apps);
    await writeFile(join(apps, "tasks", "schema.graphql"), TASKS_SDL.replace("taskCount: Int!", "taskCount: Int!\n    overdueCount: Int!"));
    expect(await supergraphFileProblems(subgraphs, apps)).toEqual([
      expect.stringMatching(/supergraph\.graphql is stale: run pnpm --filter @lienthong\/gateway compose/),
    ]);
  });

  it("names a listed subgraph whose schema.graphql is missing, and writes nothing", async () => {
    await rm(join(apps, "tasks", "schema.graphql"));
    const outcome = await writeSupergraphFile(subgraphs, apps);
    expect(outcome).toEqual({ ok: false, errors: [expect.stringMatching(/^apps\/tasks\/schema\.graphql is missing/)] });
    await expect(readFile(join(apps, "gateway", "supergraph.graphql"))).rejects.toThrow();
  });

  it("reports a composition failure", async () => {
    await writeFile(join(apps, "tasks", "schema.graphql"), TASKS_SDL.replace("openTasks: Int!", "openTasks: Int!\n    name: Int!"));
    const problems = await supergraphFileProblems(subgraphs, apps);
    expect(problems).toEqual(expect.arrayContaining([expect.stringMatching(/^cannot compose the supergraph: .*"Unit\.name"/)]));
  });
});
