import { once } from "node:events";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import pino from "pino";
import { onTestFinished } from "vitest";
import { buildGateway, type Gateway, type GatewayDeps } from "../../src/app";

export interface RunningGateway {
  gateway: Gateway;
  baseUrl: string;
}

export const VALID_TOKEN = "valid-token";

/** Test stand-in for @lienthong/auth: accepts exactly one token. */
export async function verifyTestToken(token: string): Promise<{ sub: string }> {
  if (token !== VALID_TOKEN) throw new Error("signature verification failed");
  return { sub: "official-1" };
}

/** A gateway listening on a free port, stopped when the current test finishes. */
export async function startGateway(deps: Pick<GatewayDeps, "subgraphs"> & Partial<GatewayDeps>): Promise<RunningGateway> {
  const gateway = buildGateway({
    development: false,
    verify: verifyTestToken,
    log: pino({ level: "silent" }),
    retry: { initialDelayMs: 20, maxDelayMs: 100 },
    ...deps,
  });
  const server = createServer(gateway.handler);
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  onTestFinished(async () => {
    await gateway.stop();
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });
  await gateway.start();
  return { gateway, baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

/** A started gateway that has composed its supergraph. */
export async function startReadyGateway(deps: Pick<GatewayDeps, "subgraphs"> & Partial<GatewayDeps>): Promise<RunningGateway> {
  const running = await startGateway(deps);
  await waitUntil(() => running.gateway.ready(), "the gateway composes its supergraph");
  return running;
}

export async function waitUntil(condition: () => boolean | Promise<boolean>, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

export interface GraphqlReply {
  status: number;
  headers: Headers;
  body: { data?: Record<string, unknown> | null; errors?: { message: string; extensions?: Record<string, unknown> }[] };
}

export async function postGraphql(baseUrl: string, query: string, headers: Record<string, string> = {}): Promise<GraphqlReply> {
  const response = await fetch(`${baseUrl}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", accept: "application/json", ...headers },
    body: JSON.stringify({ query }),
  });
  return { status: response.status, headers: response.headers, body: (await response.json()) as GraphqlReply["body"] };
}
