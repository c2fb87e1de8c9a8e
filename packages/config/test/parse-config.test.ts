import { describe, expect, it } from "vitest";
import { z } from "zod";
import { ConfigError, parseConfig } from "../src/parse-config";
import { flag, integer, oneOf, url } from "../src/fields";

const schema = z.object({
  PORT: integer({ min: 1, max: 65_535 }).default(4000),
  WORKERS: integer({ min: 1, max: 64 }),
  MODE: oneOf(["fast", "safe"]).default("safe"),
  CALLBACK_URL: url({ protocols: ["https"], example: "https://example.org/hook" }).optional(),
  DRY_RUN: flag().default(false),
  LIMITS: z
    .string()
    .transform((value) => ({ list: value.split(",") }))
    .optional(),
});

function problemsOf(run: () => unknown): readonly string[] {
  try {
    run();
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  throw new Error("expected a ConfigError");
}

describe("parseConfig", () => {
  it("turns strings into typed values and applies defaults", () => {
    const config = parseConfig(schema, { WORKERS: "4", DRY_RUN: "YES", CALLBACK_URL: "https://example.org/x" });
    expect(config).toEqual({ PORT: 4000, WORKERS: 4, MODE: "safe", DRY_RUN: true, CALLBACK_URL: "https://example.org/x" });
  });

  it("treats empty and blank values as unset", () => {
    expect(parseConfig(schema, { WORKERS: "2", PORT: "", MODE: "   " })).toMatchObject({ PORT: 4000, MODE: "safe" });
    expect(problemsOf(() => parseConfig(schema, { WORKERS: "" }))).toEqual(["WORKERS: is required but not set"]);
  });

  it("lists every problem at once, one line per variable, with the offending value", () => {
    const env = { PORT: "abc", WORKERS: "0", MODE: "turbo", CALLBACK_URL: "http://example.org", DRY_RUN: "maybe" };
    let error: unknown;
    try {
      parseConfig(schema, env);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as ConfigError).message;
    expect(message.split("\n")).toEqual([
      "Invalid configuration (5 problems):",
      '  PORT: must be an integer between 1 and 65535 (got "abc")',
      '  WORKERS: must be an integer between 1 and 64 (got "0")',
      '  MODE: must be one of fast, safe (got "turbo")',
      '  CALLBACK_URL: must be a URL (https), e.g. https://example.org/hook (got "http://example.org")',
      '  DRY_RUN: must be true or false (also accepted: 1/0, yes/no) (got "maybe")',
    ]);
  });

  it("refuses numbers that are not plain integers", () => {
    for (const value of ["1.5", "1e3", "0x10", " 12a", "70000"]) {
      expect(
        problemsOf(() => parseConfig(schema, { WORKERS: "1", PORT: value })),
        value,
      ).toHaveLength(1);
    }
  });

  it("never prints a secret, not even inside a URL", () => {
    const secrets = z.object({
      API_TOKEN: z.string().min(10),
      DB_URL: z.string().regex(/^postgres:/, "must start with postgres:"),
    });
    const problems = problemsOf(() => parseConfig(secrets, { API_TOKEN: "hunter2", DB_URL: "mysql://admin:hunter2@db/app" }));
    expect(problems.join("\n")).not.toContain("hunter2");
    expect(problems).toEqual([
      expect.stringMatching(/^API_TOKEN: .* \(got a hidden value of 7 characters\)$/),
      'DB_URL: must start with postgres: (got "mysql://admin:***@db/app")',
    ]);
  });

  it("returns a deeply frozen config", () => {
    const config = parseConfig(schema, { WORKERS: "1", LIMITS: "a,b" });
    expect(Object.isFrozen(config)).toBe(true);
    expect(Object.isFrozen(config.LIMITS)).toBe(true);
    expect(Object.isFrozen(config.LIMITS?.list)).toBe(true);
    expect(() => {
      (config as { PORT: number }).PORT = 1;
    }).toThrow(TypeError);
  });

  it("ignores variables the schema does not name", () => {
    expect(parseConfig(schema, { WORKERS: "1", PATH: "/bin", HOME: "/root" })).not.toHaveProperty("PATH");
  });
});
