import { expectVietnamese } from "@lienthong/testing/vietnamese";
import { describe, expect, it } from "vitest";
import { UNEXPECTED_ERROR_MESSAGE } from "@lienthong/subgraph/error-masking";
import { freePort, startTasksSubgraph, startUnitsSubgraph } from "./support/test-subgraphs";
import { postGraphql, startGateway, startReadyGateway, VALID_TOKEN, waitUntil } from "./support/gateway-stack";

async function startSubgraphs() {
  const units = await startUnitsSubgraph();
  const tasks = await startTasksSubgraph();
  return { units, tasks, all: [units, tasks], close: () => Promise.all([units.close(), tasks.close()]) };
}

const WARD_QUERY = `{ unit(code: "26734") { code name openTasks parent { name } } }`;

describe("gateway over two subgraphs", () => {
  it("answers a query that needs both subgraphs and forwards authorization and x-correlation-id to each", async () => {
    const subgraphs = await startSubgraphs();
    try {
      const { baseUrl } = await startReadyGateway({ subgraphs: subgraphs.all });
      const before = { units: subgraphs.units.received.length, tasks: subgraphs.tasks.received.length };

      const reply = await postGraphql(baseUrl, WARD_QUERY, { authorization: `Bearer ${VALID_TOKEN}`, "x-correlation-id": "req-42" });

      expect(reply.body).toEqual({
        data: { unit: { code: "26734", name: "Phường Sài Gòn", openTasks: 3, parent: { name: "Thành phố Hồ Chí Minh" } } },
      });
      expect(reply.headers.get("x-correlation-id")).toBe("req-42");
      for (const subgraph of [subgraphs.units, subgraphs.tasks]) {
        const calls = subgraph.received.slice(before[subgraph.name as "units" | "tasks"]);
        expect(calls.length).toBeGreaterThan(0);
        for (const headers of calls) {
          expect(headers.authorization).toBe(`Bearer ${VALID_TOKEN}`);
          expect(headers["x-correlation-id"]).toBe("req-42");
        }
      }
    } finally {
      await subgraphs.close();
    }
  });

  it("creates a correlation id when the client sends none (or an unusable one) and passes it on", async () => {
    const subgraphs = await startSubgraphs();
    try {
      const { baseUrl } = await startReadyGateway({ subgraphs: subgraphs.all });
      const sentHeaders: Record<string, string>[] = [{}, { "x-correlation-id": "bad id with spaces" }];
      for (const sent of sentHeaders) {
        const reply = await postGraphql(baseUrl, `{ unit(code: "79000") { name } }`, sent);
        const created = reply.headers.get("x-correlation-id");
        expect(created).toMatch(/^[0-9a-f-]{36}$/);
        expect(subgraphs.units.received.at(-1)?.["x-correlation-id"]).toBe(created);
      }
    } finally {
      await subgraphs.close();
    }
  });

  it("refuses a bad token with UNAUTHENTICATED without calling any subgraph", async () => {
    const subgraphs = await startSubgraphs();
    try {
      const { baseUrl } = await startReadyGateway({ subgraphs: subgraphs.all });
      const calls = () => subgraphs.units.received.length + subgraphs.tasks.received.length;
      const before = calls();

      for (const authorization of ["Bearer forged-token", "Basic dXNlcjpwYXNz"]) {
        const reply = await postGraphql(baseUrl, WARD_QUERY, { authorization });
        expect(reply.status).toBe(401);
        expect(reply.body.data).toBeUndefined();
        expect(reply.body.errors).toEqual([{ message: expect.any(String), extensions: { code: "UNAUTHENTICATED" } }]);
      }
      expect(calls()).toBe(before);
    } finally {
      await subgraphs.close();
    }
  });

  it("refuses oversized operations with a Vietnamese message, a stable code and the numbers, before any subgraph is called", async () => {
    const subgraphs = await startSubgraphs();
    try {
      const { baseUrl } = await startReadyGateway({ subgraphs: subgraphs.all, limits: { maxTokens: 400, maxCost: 100 } });
      const calls = () => subgraphs.units.received.length + subgraphs.tasks.received.length;
      const before = calls();

      const deep = `{ unit(code: "26734") { ${"parent { ".repeat(19)}code${" }".repeat(19)} } }`;
      const aliased = `{ ${Array.from({ length: 100 }, (_, i) => `a${i}: __typename`).join(" ")} }`;
      const long = `{ unit(code: "26734") { ${"code ".repeat(500)} } }`;
      const costly = `{ ${Array.from({ length: 4 }, (_, i) => `u${i}: unit(code: "26734") { parent { parent { parent { code name openTasks } } } }`).join(" ")} }`;

      const refusal = async (query: string) => (await postGraphql(baseUrl, query)).body.errors;
      expect(await refusal(deep)).toEqual([
        {
          message: expect.stringMatching(/12.*21/),
          extensions: { code: "GRAPHQL_VALIDATION_FAILED", limit: "maxDepth", max: 12, found: 21 },
        },
      ]);
      expect(await refusal(aliased)).toEqual([
        {
          message: expect.stringMatching(/30.*100/),
          extensions: { code: "GRAPHQL_VALIDATION_FAILED", limit: "maxAliases", max: 30, found: 100 },
        },
      ]);
      expect(await refusal(long)).toEqual([
        { message: expect.stringMatching(/400/), extensions: { code: "GRAPHQL_PARSE_FAILED", limit: "maxTokens", max: 400 } },
      ]);
      expect(await refusal(costly)).toEqual([
        {
          message: expect.stringMatching(/100.*125.75/),
          extensions: { code: "GRAPHQL_VALIDATION_FAILED", limit: "maxCost", max: 100, found: 125.75 },
        },
      ]);
      for (const query of [deep, aliased, long, costly]) expect(JSON.stringify(await refusal(query))).not.toMatch(/exceeded|Syntax Error/);
      expect(calls()).toBe(before);
      expect((await postGraphql(baseUrl, WARD_QUERY)).body.data).toMatchObject({ unit: { code: "26734" } });
    } finally {
      await subgraphs.close();
    }
  });

  it("allows introspection and GraphiQL only in development", async () => {
    const subgraphs = await startSubgraphs();
    try {
      const introspection = `{ __schema { queryType { name } } }`;
      const production = await startReadyGateway({ subgraphs: subgraphs.all, development: false });
      const refused = (await postGraphql(production.baseUrl, introspection)).body;
      expect(refused.data).toBeUndefined();
      expect(refused.errors?.[0]?.extensions?.code).toBe("GRAPHQL_VALIDATION_FAILED");
      const productionPage = await fetch(`${production.baseUrl}/graphql`, { headers: { accept: "text/html", "x-graphql-csrf": "1" } });
      expect(await productionPage.text()).not.toMatch(/graphiql/i);

      const development = await startReadyGateway({ subgraphs: subgraphs.all, development: true });
      expect((await postGraphql(development.baseUrl, introspection)).body).toEqual({
        data: { __schema: { queryType: { name: "Query" } } },
      });
      const developmentPage = await fetch(`${development.baseUrl}/graphql`, { headers: { accept: "text/html" } });
      expect(await developmentPage.text()).toMatch(/graphiql/i);
    } finally {
      await subgraphs.close();
    }
  });

  it("refuses a cross-site simple form POST (CSRF) but serves JSON POSTs", async () => {
    const subgraphs = await startSubgraphs();
    try {
      const { baseUrl } = await startReadyGateway({ subgraphs: subgraphs.all });
      const form = await fetch(`${baseUrl}/graphql`, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: `query=${encodeURIComponent(WARD_QUERY)}`,
      });
      expect(form.status).toBe(403);
      expect(await form.json()).toMatchObject({ errors: [{ extensions: { code: "CSRF_HEADER_MISSING" } }] });
      expect((await postGraphql(baseUrl, `{ unit(code: "79000") { name } }`)).body.data).toEqual({
        unit: { name: "Thành phố Hồ Chí Minh" },
      });
    } finally {
      await subgraphs.close();
    }
  });

  it("masks a subgraph failure, reports it in /readyz and counts it in /metrics", async () => {
    const subgraphs = await startSubgraphs();
    try {
      const { baseUrl } = await startReadyGateway({ subgraphs: subgraphs.all });
      await subgraphs.tasks.close();

      const reply = await postGraphql(baseUrl, WARD_QUERY);
      expect(reply.body.errors?.map((error) => error.message)).toContain(UNEXPECTED_ERROR_MESSAGE);
      expect(JSON.stringify(reply.body)).not.toMatch(/ECONNREFUSED|127\.0\.0\.1/);

      const readiness = await fetch(`${baseUrl}/readyz`);
      expect(readiness.status).toBe(503);
      const degraded = await readiness.json();
      expect(degraded).toMatchObject({ status: "degraded", unreachable: ["tasks"] });
      expectVietnamese(degraded);

      const metrics = await (await fetch(`${baseUrl}/metrics`)).text();
      expect(metrics).toMatch(/^gateway_upstream_errors_total\{subgraph="tasks"\} 1$/m);
      expect(metrics).toMatch(/^http_requests_total\{method="POST",route="\/graphql",status="200"\} 1$/m);
      expect(metrics).toMatch(/^http_request_duration_seconds_count\{method="POST",route="\/graphql"\} 1$/m);
    } finally {
      await subgraphs.units.close();
    }
  });

  it("starts while a subgraph is down, reports not ready, then serves once the subgraph is up", async () => {
    const units = await startUnitsSubgraph();
    const tasksPort = await freePort();
    let tasks: Awaited<ReturnType<typeof startTasksSubgraph>> | undefined;
    try {
      const { baseUrl, gateway } = await startGateway({
        subgraphs: [units, { name: "tasks", url: `http://127.0.0.1:${tasksPort}/graphql` }],
      });

      expect((await fetch(`${baseUrl}/healthz`)).status).toBe(200);
      const notReady = await fetch(`${baseUrl}/readyz`);
      expect(notReady.status).toBe(503);
      const composing = await notReady.json();
      expect(composing).toMatchObject({ status: "composing" });
      expectVietnamese(composing);
      const early = await postGraphql(baseUrl, WARD_QUERY);
      expect(early.status).toBe(503);
      expect(early.body.errors?.[0]?.extensions).toEqual({ code: "SERVICE_UNAVAILABLE" });
      expectVietnamese(early.body);
      expect(gateway.ready()).toBe(false);

      tasks = await startTasksSubgraph(tasksPort);
      await waitUntil(async () => (await fetch(`${baseUrl}/readyz`)).status === 200, "/readyz answers 200");
      expect((await postGraphql(baseUrl, WARD_QUERY)).body.data).toMatchObject({ unit: { openTasks: 3 } });
    } finally {
      await Promise.all([units.close(), tasks?.close()]);
    }
  });
});
