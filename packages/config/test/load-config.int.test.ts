import { describe, expect, it } from "vitest";
import { runTypeScript } from "@lienthong/testing/child-process";

const script = new URL("./fixtures/load-config.ts", import.meta.url);
/** Every variable the fixture reads, so the outer environment cannot leak in. */
const clean = {
  PORT: undefined,
  HOST: undefined,
  DATA_DIR: undefined,
  NATS_URL: undefined,
  MONGODB_URL: undefined,
  AUTH_SECRET: undefined,
  AUTH_JWKS_URL: undefined,
  LOG_LEVEL: undefined,
  NODE_ENV: undefined,
  CLOCK_START: undefined,
  UNIT_CODE: undefined,
};

describe("loadConfig in a composition root", () => {
  it("prints every problem to stderr and exits with code 1 before doing anything", async () => {
    const result = await runTypeScript(script, {
      env: { ...clean, PORT: "abc", NODE_ENV: "production", LOG_LEVEL: "", NATS_URL: "http://nats:4222", AUTH_SECRET: "too-short" },
    });
    expect(result.code).toBe(1);
    expect(result.stdout).toBe("");
    expect(result.stderr.trim().split("\n")).toEqual([
      "Invalid configuration (4 problems):",
      '  PORT: must be an integer between 1 and 65535 (got "abc")',
      '  NATS_URL: must be a nats:// URL or a comma-separated list of them, e.g. nats://127.0.0.1:4222 (got "http://nats:4222")',
      "  AUTH_SECRET: must be at least 32 characters long; use a long random secret (got a hidden value of 9 characters)",
      "  UNIT_CODE: is required but not set",
    ]);
    expect(result.stderr).not.toContain("too-short");
  });

  it("starts when the environment is valid", async () => {
    const result = await runTypeScript(script, { env: { ...clean, UNIT_CODE: "26740", PORT: "", NODE_ENV: "development" } });
    expect(result).toMatchObject({ code: 0, stdout: "config loaded: port 4001, unit 26740\n", stderr: "" });
  });
});
