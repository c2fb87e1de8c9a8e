import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

// The repository's own config, applied to sample sources at paths where they would live.
const eslint = new ESLint({ cwd: new URL("../..", import.meta.url).pathname });

async function problems(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((message) => `${message.ruleId}: ${message.message}`);
}

const DECIDER = "apps/tasks/src/tasks/sample-decider.ts";

describe("lint holds the architecture", () => {
  it.each([
    ["packages/contracts/src/sample.ts", 'import { buildApp } from "@lienthong/tasks/app";\nexport const app = buildApp;\n'],
    ["packages/calendar/src/sample.ts", 'import { buildApp } from "../../../apps/tasks/src/app";\nexport const app = buildApp;\n'],
    ["packages/store/src/sample.ts", 'import { buildApp } from "@lienthong/directory/app";\nexport const app = buildApp;\n'],
  ])("a package importing an app fails lint (%s)", async (filePath, code) => {
    expect(await problems(filePath, code)).toEqual([expect.stringMatching(/^no-restricted-imports: .*must not import/)]);
  });

  it("a pure package importing infrastructure fails lint", async () => {
    const found = await problems("packages/contracts/src/sample.ts", 'import { connect } from "mongodb";\nexport const open = connect;\n');
    expect(found).toEqual([expect.stringMatching(/^no-restricted-imports: .*infrastructure/)]);
  });

  it.each([
    ["the store", 'import type { Database } from "@lienthong/store/collection";\nexport type Db = Database;\n'],
    ["the bus", 'import type { EventBus } from "@lienthong/bus/event-bus";\nexport type Bus = EventBus;\n'],
    ["node:*", 'import { readFileSync } from "node:fs";\nexport const read = readFileSync;\n'],
    ["pino", 'import pino from "pino";\nexport const log = pino();\n'],
    ["a transport", 'import { Hono } from "hono";\nexport const app = new Hono();\n'],
    ["the periodic timer", 'import { startPeriodic } from "@lienthong/calendar/periodic";\nexport const run = startPeriodic;\n'],
  ])("a decider importing %s fails lint", async (_what, code) => {
    expect(await problems(DECIDER, code)).toEqual([expect.stringMatching(/^no-restricted-imports: .*a decider may import only/)]);
  });

  it.each([
    ["Date.now()", "export const now = () => Date.now();\n", "no-restricted-properties"],
    ["new Date()", "export const now = () => new Date();\n", "no-restricted-syntax"],
    ["Math.random()", "export const roll = () => Math.random();\n", "no-restricted-properties"],
    ["process.env", "export const port = () => process.env.PORT;\n", "no-restricted-globals"],
  ])("a decider calling %s fails lint", async (_what, code, rule) => {
    expect(await problems(DECIDER, code)).toEqual([expect.stringMatching(new RegExp(`^${rule}: `))]);
  });

  it("a decider using only what it may passes, and adapters keep their freedom", async () => {
    const decider = [
      'import { z } from "zod";',
      'import { fail } from "@lienthong/contracts/errors";',
      'import { addWorkingDays } from "@lienthong/calendar/working-days";',
      'import type { Principal } from "@lienthong/auth/principal";',
      'import { TASK_STATUSES } from "./task-types";',
      "export const sample = (p: Principal, at: Date) => [z.string(), fail, addWorkingDays, TASK_STATUSES, p, new Date(at)];",
      "",
    ].join("\n");
    expect(await problems(DECIDER, decider)).toEqual([]);
    const store = 'import type { Database } from "@lienthong/store/collection";\nexport const when = (db: Database) => [db, new Date()];\n';
    expect(await problems("apps/tasks/src/tasks/sample-store.ts", store)).toEqual([]);
  });
});

describe("configuration is read once", () => {
  it("process.env outside config and composition roots fails lint", async () => {
    const found = await problems("apps/tasks/src/app.ts", "export const port = () => process.env.PORT;\n");
    expect(found).toEqual([expect.stringMatching(/^no-restricted-properties: .*@lienthong\/config/)]);
    expect(await problems("apps/tasks/src/main.ts", "export const port = () => process.env.PORT;\n")).toEqual([]);
  });
});
