import { ConfigError, parseConfig } from "@lienthong/config/parse-config";
import { describe, expect, it } from "vitest";
import { gatewayEnvSchema } from "../src/config";

function problems(env: Record<string, string>): readonly string[] {
  try {
    parseConfig(gatewayEnvSchema, env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

describe("gateway configuration", () => {
  it("defaults to port 4000 and the subgraphs listed in src/subgraphs.ts", () => {
    const config = parseConfig(gatewayEnvSchema, { NODE_ENV: "development" });
    expect(config.PORT).toBe(4000);
    expect(config.SUBGRAPHS).toEqual([
      { name: "directory", url: "http://127.0.0.1:4001/graphql" },
      { name: "tasks", url: "http://127.0.0.1:4002/graphql" },
      { name: "notifications", url: "http://127.0.0.1:4009/graphql" },
    ]);
  });

  it("reads SUBGRAPHS as name=url pairs", () => {
    const config = parseConfig(gatewayEnvSchema, {
      NODE_ENV: "development",
      SUBGRAPHS: "directory=http://127.0.0.1:4001/graphql, tasks=http://tasks:4000/graphql",
    });
    expect(config.SUBGRAPHS).toEqual([
      { name: "directory", url: "http://127.0.0.1:4001/graphql" },
      { name: "tasks", url: "http://tasks:4000/graphql" },
    ]);
  });

  it("lists every malformed subgraph entry, naming the variable", () => {
    expect(
      problems({
        NODE_ENV: "development",
        SUBGRAPHS: "directory,tasks=ftp://x,tasks=http://a/graphql,tasks=http://b/graphql",
        PORT: "http",
      }),
    ).toEqual([
      expect.stringMatching(/^PORT: must be an integer/),
      expect.stringMatching(/^SUBGRAPHS: "directory" must read name=url/),
      expect.stringMatching(/^SUBGRAPHS: "tasks" has "ftp:\/\/x", which is not an http\(s\) URL/),
      expect.stringMatching(/^SUBGRAPHS: "tasks" is listed more than once/),
    ]);
  });

  it("requires a way to verify tokens in production, which is what an unset NODE_ENV means", () => {
    expect(problems({})).toEqual([expect.stringMatching(/^AUTH_JWKS_URL: must be set in production/)]);
    expect(problems({ NODE_ENV: "production" })).toEqual([expect.stringMatching(/^AUTH_JWKS_URL: must be set in production/)]);
    expect(problems({ NODE_ENV: "production", AUTH_JWKS_URL: "https://id.example.org/jwks.json" })).toEqual([]);
  });
});
