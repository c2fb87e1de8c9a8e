import type { Hono } from "hono";
import { describe, expect, it } from "vitest";
import type { SubgraphEnv } from "../src/create-subgraph";
import { graphqlRequest, sampleSubgraph, tokenFor, wardAdmin } from "./helpers";

describe("operational routes", () => {
  it("/healthz answers 200 while the process is up", async () => {
    const response = await sampleSubgraph().app.request("/healthz");
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "ok" });
  });

  it("/metrics shows requests by route and status, durations and the app's own metrics", async () => {
    const subgraph = sampleSubgraph();
    subgraph.metrics.counter("events_published_total", "Events published.").inc({ type: "unit.renamed" });
    await subgraph.app.request("/healthz");
    await subgraph.app.request("/graphql", graphqlRequest({ query: "{ hello }" }));
    const missing = await subgraph.app.request("/nowhere");
    expect(await missing.json()).toEqual({ error: { code: "NOT_FOUND", message: "Không có đường dẫn GET /nowhere." } });

    const response = await subgraph.app.request("/metrics");
    expect(response.headers.get("content-type")).toContain("text/plain; version=0.0.4");
    const text = await response.text();
    expect(text).toContain('http_requests_total{method="GET",route="/healthz",status="200"} 1');
    expect(text).toContain('http_requests_total{method="POST",route="/graphql",status="200"} 1');
    expect(text).toContain('http_requests_total{method="GET",route="unmatched",status="404"} 1');
    expect(text).toMatch(/http_request_duration_seconds_count\{method="POST",route="\/graphql"\} 1/);
    expect(text).toContain('events_published_total{type="unit.renamed"} 1');
  });
});

describe("correlation id", () => {
  it("echoes the caller's id and makes one up when there is none or it is unusable", async () => {
    const { app } = sampleSubgraph();
    expect((await app.request("/healthz", { headers: { "x-correlation-id": "abc-123" } })).headers.get("x-correlation-id")).toBe("abc-123");
    expect((await app.request("/healthz")).headers.get("x-correlation-id")).toMatch(/^[0-9a-f-]{36}$/);
    const injected = await app.request("/healthz", { headers: { "x-correlation-id": 'a b"}' } });
    expect(injected.headers.get("x-correlation-id")).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("is echoed on GraphQL responses too", async () => {
    const response = await sampleSubgraph().app.request(
      "/graphql",
      graphqlRequest({ query: "{ hello }", headers: { "x-correlation-id": "gql-7" } }),
    );
    expect(response.headers.get("x-correlation-id")).toBe("gql-7");
  });
});

describe("service routes", () => {
  const routes = (app: Hono<SubgraphEnv>) => {
    app.get("/exports/whoami", (c) => c.json({ principal: c.var.principal?.sub ?? null, correlationId: c.var.correlationId }));
    app.get("/exports/fail", () => {
      throw new Error("disk full at /var/lib/secret");
    });
  };

  it("see the verified principal, or null for anonymous callers", async () => {
    const { app } = sampleSubgraph({ routes });
    const signedIn = await app.request("/exports/whoami", {
      headers: { authorization: `Bearer ${await tokenFor(wardAdmin)}`, "x-correlation-id": "r-1" },
    });
    expect(await signedIn.json()).toEqual({ principal: "official-1", correlationId: "r-1" });
    expect(await (await app.request("/exports/whoami")).json()).toMatchObject({ principal: null });
  });

  it("answer 401 to a bad token", async () => {
    const { app } = sampleSubgraph({ routes });
    const response = await app.request("/exports/whoami", { headers: { authorization: "Bearer nope" } });
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ error: { code: "UNAUTHENTICATED" } });
  });

  it("mask unexpected errors and log them with the correlation id", async () => {
    const subgraph = sampleSubgraph({ routes });
    const response = await subgraph.app.request("/exports/fail", { headers: { "x-correlation-id": "r-2" } });
    expect(response.status).toBe(500);
    expect(await response.text()).not.toContain("secret");
    expect(subgraph.logLines.find((line) => line.level === 50)).toMatchObject({
      correlationid: "r-2",
      err: { message: "disk full at /var/lib/secret" },
    });
  });

  it("answer 404 in JSON for unknown paths", async () => {
    const response = await sampleSubgraph({ routes }).app.request("/exports/none");
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ error: { code: "NOT_FOUND" } });
  });
});
