import { afterEach, describe, expect, it } from "vitest";
import { UNEXPECTED_ERROR_MESSAGE } from "../src/error-masking";
import type { RunningServer } from "../src/serve";
import { graphqlRequest, readGraphQL, sampleSubgraph } from "./helpers";

// Real HTTP on a free loopback port: /graphql through yoga's own Node listener, the rest through Hono.

const servers: RunningServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

async function start(subgraph: ReturnType<typeof sampleSubgraph>) {
  const server = await subgraph.listen(0, "127.0.0.1");
  servers.push(server);
  return { server, url: `http://127.0.0.1:${server.port}` };
}

function gate() {
  let started!: () => void;
  let release!: () => void;
  const whenStarted = new Promise<void>((resolve) => (started = resolve));
  const released = new Promise<void>((resolve) => (release = resolve));
  return { slowGate: { started, release: released }, whenStarted, release };
}

describe("over HTTP", () => {
  it("serves GraphQL with the correlation id echoed, logged and counted", async () => {
    const subgraph = sampleSubgraph();
    const { url } = await start(subgraph);

    const hello = await readGraphQL(
      await fetch(`${url}/graphql`, graphqlRequest({ query: "{ hello }", headers: { "x-correlation-id": "http-1" } })),
    );
    expect(hello.body.data).toEqual({ hello: "Xin chào" });
    expect(hello.headers.get("x-correlation-id")).toBe("http-1");

    const boom = await readGraphQL(await fetch(`${url}/graphql`, graphqlRequest({ query: "{ boom }" })));
    expect(boom.body.errors?.[0]?.message).toBe(UNEXPECTED_ERROR_MESSAGE);
    const generatedId = boom.headers.get("x-correlation-id");
    expect(generatedId).toMatch(/^[0-9a-f-]{36}$/);
    expect(subgraph.logLines.find((line) => line.level === 50)).toMatchObject({ correlationid: generatedId });

    const health = await fetch(`${url}/healthz`, { headers: { "x-correlation-id": "http-2" } });
    expect(health.headers.get("x-correlation-id")).toBe("http-2");

    const metrics = await (await fetch(`${url}/metrics`)).text();
    expect(metrics).toContain('http_requests_total{method="POST",route="/graphql",status="200"} 2');
    expect(metrics).toContain('http_requests_total{method="GET",route="/healthz",status="200"} 1');
  });

  it("close() lets an in-flight request finish, then stops accepting connections", async () => {
    const { slowGate, whenStarted, release } = gate();
    const { server, url } = await start(sampleSubgraph({ sample: { slowGate } }));

    const inFlight = fetch(`${url}/graphql`, graphqlRequest({ query: "{ slow }" }));
    await whenStarted;
    let closed = false;
    const closing = server.close().then(() => (closed = true));
    await new Promise((resolve) => setImmediate(resolve));
    expect(closed).toBe(false);

    release();
    const answered = await readGraphQL(await inFlight);
    expect(answered.body.data).toEqual({ slow: "done" });
    await closing;
    await expect(fetch(`${url}/healthz`)).rejects.toThrow();
  });

  it("close() gives up on a request that outlives the shutdown timeout", async () => {
    const { slowGate, whenStarted } = gate();
    const { server, url } = await start(sampleSubgraph({ sample: { slowGate }, shutdownTimeoutMs: 50 }));

    const stuck = fetch(`${url}/graphql`, graphqlRequest({ query: "{ slow }" }));
    await whenStarted;
    await server.close();
    await expect(stuck).rejects.toThrow();
  });
});
