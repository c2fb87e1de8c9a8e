import { describe, expect, it } from "vitest";
import { z } from "zod";
import { commonEnv, natsServers, port, requireAuthInProduction } from "../src/common";
import { ConfigError, parseConfig } from "../src/parse-config";

const serviceSchema = requireAuthInProduction(z.object({ ...commonEnv, PORT: port(4001) }));
const SECRET = "a-development-secret-of-at-least-32-chars";

function problemsOf(env: Record<string, string | undefined>): readonly string[] {
  try {
    parseConfig(serviceSchema, env);
    return [];
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
}

describe("shared service variables", () => {
  it("refuse to start a service with nothing set: unset NODE_ENV means production, which needs a token key", () => {
    expect(problemsOf({})).toEqual([
      "AUTH_JWKS_URL: must be set in production (or AUTH_SECRET): tokens cannot be verified with the development secret",
    ]);
  });

  it("have defaults that run a development service with only NODE_ENV=development set", () => {
    expect(parseConfig(serviceSchema, { NODE_ENV: "development" })).toEqual({
      PORT: 4001,
      HOST: "127.0.0.1",
      DATA_DIR: ".data",
      LOG_LEVEL: "info",
      NODE_ENV: "development",
    });
  });

  it("accept a distributed production setup", () => {
    const config = parseConfig(serviceSchema, {
      PORT: "8080",
      HOST: "0.0.0.0",
      NODE_ENV: "production",
      NATS_URL: "nats://nats-0:4222,nats://nats-1:4222",
      MONGODB_URL: "mongodb+srv://cluster0.example.net/tasks",
      AUTH_JWKS_URL: "https://id.example.org/.well-known/jwks.json",
      LOG_LEVEL: "warn",
      CLOCK_START: "2026-03-01T08:00:00+07:00",
    });
    expect(config).toMatchObject({ PORT: 8080, NODE_ENV: "production", LOG_LEVEL: "warn" });
    expect(natsServers(config.NATS_URL ?? "")).toEqual(["nats://nats-0:4222", "nats://nats-1:4222"]);
  });

  it("PORT must be set when the service gives no default", () => {
    expect(() => parseConfig(z.object({ PORT: commonEnv.PORT }), {})).toThrow("PORT: is required but not set");
  });

  it("name each bad variable in words an operator can act on", () => {
    const problems = problemsOf({
      PORT: "abc",
      NATS_URL: "http://127.0.0.1:4222",
      MONGODB_URL: "postgres://db",
      AUTH_SECRET: "short",
      LOG_LEVEL: "loud",
      NODE_ENV: "staging",
      CLOCK_START: "2026-03-01 08:00",
    });
    expect(problems.map((problem) => problem.split(":")[0])).toEqual([
      "PORT",
      "NATS_URL",
      "MONGODB_URL",
      "AUTH_SECRET",
      "LOG_LEVEL",
      "NODE_ENV",
      "CLOCK_START",
    ]);
    expect(problems).toContain('PORT: must be an integer between 1 and 65535 (got "abc")');
    expect(problems).toContain(
      "AUTH_SECRET: must be at least 32 characters long; use a long random secret (got a hidden value of 5 characters)",
    );
    expect(problems).toContain('NODE_ENV: must be one of development, production, test (got "staging")');
    expect(problems.find((problem) => problem.startsWith("CLOCK_START"))).toContain("with an offset");
  });

  it("production needs a way to verify tokens", () => {
    expect(problemsOf({ NODE_ENV: "production" })).toEqual([
      "AUTH_JWKS_URL: must be set in production (or AUTH_SECRET): tokens cannot be verified with the development secret",
    ]);
    expect(problemsOf({ NODE_ENV: "production", AUTH_SECRET: SECRET })).toEqual([]);
    expect(problemsOf({ NODE_ENV: "production", AUTH_JWKS_URL: "https://id.example.org/jwks" })).toEqual([]);
  });

  it("the auth rule is reported together with unrelated problems", () => {
    expect(problemsOf({ NODE_ENV: "production", PORT: "0" })).toEqual([
      'PORT: must be an integer between 1 and 65535 (got "0")',
      "AUTH_JWKS_URL: must be set in production (or AUTH_SECRET): tokens cannot be verified with the development secret",
    ]);
  });

  it("refuses both auth sources at once", () => {
    expect(problemsOf({ AUTH_SECRET: SECRET, AUTH_JWKS_URL: "https://id.example.org/jwks" })).toEqual([
      "AUTH_SECRET: set either AUTH_SECRET or AUTH_JWKS_URL, not both (got a hidden value of 41 characters)",
    ]);
  });
});
