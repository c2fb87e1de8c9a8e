import { once } from "node:events";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { describe, expect, it, onTestFinished } from "vitest";
import { isSubgraphReachable } from "../src/upstream-health";
import { freePort, startUnitsSubgraph } from "./support/test-subgraphs";

/** A server whose /healthz answers `status` and which has no GraphQL endpoint at all. */
async function healthzOnly(status: number): Promise<string> {
  const server = createServer((req, res) => res.writeHead(req.url === "/healthz" ? status : 404).end());
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  onTestFinished(() => new Promise<void>((resolve) => server.close(() => resolve())));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
}

describe("isSubgraphReachable", () => {
  it("trusts the subgraph's /healthz when it has one", async () => {
    expect(await isSubgraphReachable({ name: "up", url: await healthzOnly(200) })).toBe(true);
    expect(await isSubgraphReachable({ name: "unhealthy", url: await healthzOnly(503) })).toBe(false);
  });

  it("falls back to the SDL query for a subgraph without /healthz", async () => {
    const units = await startUnitsSubgraph();
    onTestFinished(() => units.close());
    expect(await isSubgraphReachable(units)).toBe(true);
  });

  it("reports a subgraph nobody listens for as unreachable", async () => {
    expect(await isSubgraphReachable({ name: "down", url: `http://127.0.0.1:${await freePort()}/graphql` })).toBe(false);
  });
});
