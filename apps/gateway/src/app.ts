import type { IncomingMessage, RequestListener, ServerResponse } from "node:http";
import { setTimeout as sleep } from "node:timers/promises";
import type { GatewayRuntime } from "@graphql-hive/gateway-runtime";
import { getRequestListener } from "@hono/node-server";
import { Hono } from "hono";
import type { Logger } from "pino";
import type { VerifyToken } from "./authorization";
import { composeSupergraph } from "./compose";
import { CORRELATION_HEADER, correlationIdFrom } from "@lienthong/subgraph/correlation";
import { METRICS_CONTENT_TYPE } from "@lienthong/subgraph/metrics";
import { withCorrelationId } from "./correlation-scope";
import { fetchAllSdlWithRetry, type SdlRetryOptions, type SubgraphEndpoint } from "./fetch-sdl";
import { DEFAULT_LIMITS, gatewayLimitsSchema, type GatewayLimits } from "./limits";
import { createGatewayMetrics } from "./gateway-metrics";
import { addGraphiQLAssetRoutes, GRAPHIQL_ASSETS_PATH } from "@lienthong/subgraph/graphiql";
import { addReportRoutes, REPORTS_PATH, type ReportsRouteOptions } from "./reports-proxy";
import { createRuntime, GRAPHQL_PATH } from "./runtime";
import { unreachableSubgraphs } from "./upstream-health";

export interface GatewayDeps {
  subgraphs: SubgraphEndpoint[];
  /** Checks a bearer token; without it tokens are forwarded unchecked (subgraphs verify them again anyway). */
  verify?: VerifyToken;
  /** GraphiQL, introspection and error details for developers. */
  development: boolean;
  limits?: Partial<GatewayLimits>;
  log: Logger;
  /** Backoff while a subgraph's SDL cannot be fetched. */
  retry?: Pick<SdlRetryOptions, "initialDelayMs" | "maxDelayMs" | "timeoutMs">;
  /** Which subgraph serves `/reports/*.csv` (default "tasks") and how long a download may take. */
  reports?: ReportsRouteOptions;
}

export interface Gateway {
  /** Node request listener: /graphql, /reports/*.csv, /healthz, /readyz, /metrics (and GraphiQL's assets in development). */
  handler: RequestListener;
  /** True once the supergraph is composed and served. */
  ready(): boolean;
  /** Starts composing in the background and resolves at once; the gateway serves /graphql when composition succeeds. */
  start(): Promise<void>;
  /** Stops composing and disposes the runtime. Closing the HTTP server is the caller's job. */
  stop(): Promise<void>;
}

const ROUTES = new Set([GRAPHQL_PATH, "/healthz", "/readyz", "/metrics"]);
/** Metric labels for routes with a variable part. */
const ROUTE_PREFIXES = [`${REPORTS_PATH}/`, `${GRAPHIQL_ASSETS_PATH}/`] as const;

export function buildGateway(deps: GatewayDeps): Gateway {
  const { subgraphs, log } = deps;
  const limits = gatewayLimitsSchema.parse({ ...DEFAULT_LIMITS, ...deps.limits });
  const metrics = createGatewayMetrics();
  const stopping = new AbortController();
  let runtime: GatewayRuntime | undefined;
  let composing: Promise<void> | undefined;

  const routes = new Hono()
    .get("/healthz", (c) => c.json({ status: "ok" }))
    .get("/readyz", async (c) => {
      if (!runtime) return c.json({ status: "composing", message: COMPOSING_MESSAGE }, 503);
      const unreachable = await unreachableSubgraphs(subgraphs);
      if (unreachable.length > 0) return c.json({ status: "degraded", unreachable, message: unreachableMessage(unreachable) }, 503);
      return c.json({ status: "ready" });
    })
    .get("/metrics", async (c) => c.body(await metrics.registry.render(), 200, { "content-type": METRICS_CONTENT_TYPE }))
    .notFound((c) => c.json({ error: { code: "NOT_FOUND", message: "Không có trang này." } }, 404));
  addReportRoutes(routes, subgraphs, log, deps.reports);
  if (deps.development) addGraphiQLAssetRoutes(routes);
  const serveRoutes = getRequestListener(routes.fetch);

  async function composeUntilServed(): Promise<void> {
    const { signal } = stopping;
    while (!signal.aborted) {
      try {
        if (await composeOnce(signal)) return;
      } catch (error) {
        if (signal.aborted) return;
        log.error({ err: error }, "could not serve the composed supergraph; retrying");
      }
      await sleep(deps.retry?.maxDelayMs ?? 5_000, undefined, { signal });
    }
  }

  /** True when the supergraph is composed and served; false when composition failed. */
  async function composeOnce(signal: AbortSignal): Promise<boolean> {
    const sdls = await fetchAllSdlWithRetry(subgraphs, {
      ...deps.retry,
      signal,
      onRetry: ({ subgraph, error, attempt, nextDelayMs }) =>
        log[attempt === 1 || attempt % 10 === 0 ? "warn" : "debug"](
          { subgraph: subgraph.name, attempt, nextDelayMs, reason: error.message },
          "subgraph SDL not available; retrying",
        ),
    });
    const outcome = composeSupergraph(sdls);
    if (!outcome.ok) {
      log.error({ errors: outcome.errors }, "supergraph composition failed; retrying");
      return false;
    }
    const candidate = createRuntime({
      supergraphSdl: outcome.supergraphSdl,
      development: deps.development,
      limits,
      verify: deps.verify,
      metrics,
      log,
    });
    try {
      await candidate.getSchema();
    } catch (error) {
      await candidate.dispose();
      throw error;
    } finally {
      releaseTerminationSignals();
    }
    if (signal.aborted) {
      await candidate.dispose();
      return true;
    }
    runtime = candidate;
    log.info({ subgraphs: subgraphs.map((s) => s.name) }, "supergraph composed; gateway is serving");
    return true;
  }

  function serveGraphql(req: IncomingMessage, res: ServerResponse): void {
    if (runtime) return void runtime(req, res);
    res.writeHead(503, { "content-type": "application/json; charset=utf-8", "retry-after": "2" });
    res.end(JSON.stringify({ errors: [{ message: STARTING_MESSAGE, extensions: { code: "SERVICE_UNAVAILABLE" } }] }));
  }

  const handler: RequestListener = (req, res) => {
    const startedAt = performance.now();
    const path = (req.url ?? "/").split("?", 1)[0] ?? "/";
    const route = routeLabel(path);
    const correlationId = correlationIdFrom(req.headers[CORRELATION_HEADER]);
    // Rewritten on the incoming request so that every later step, header propagation included, sees the same id.
    req.headers[CORRELATION_HEADER] = correlationId;
    res.setHeader(CORRELATION_HEADER, correlationId);
    res.once("close", () => metrics.recordRequest(route, req.method ?? "GET", res.statusCode, startedAt));
    withCorrelationId(correlationId, () => (route === GRAPHQL_PATH ? serveGraphql(req, res) : serveRoutes(req, res)));
  };

  return {
    handler,
    ready: () => runtime !== undefined,
    async start() {
      // Only an abort (stop()) ends the loop early; its rejection is the expected way out.
      composing ??= composeUntilServed().catch(() => undefined);
    },
    async stop() {
      stopping.abort();
      await composing;
      const served = runtime;
      runtime = undefined;
      await served?.dispose();
    },
  };
}

const STARTING_MESSAGE = "Cổng GraphQL đang khởi động và chưa sẵn sàng. Vui lòng thử lại sau giây lát.";
const COMPOSING_MESSAGE = "Cổng GraphQL đang chờ các dịch vụ để ghép lược đồ chung, chưa sẵn sàng.";

function unreachableMessage(names: readonly string[]): string {
  return `Cổng GraphQL không kết nối được dịch vụ ${names.map((name) => `"${name}"`).join(", ")}.`;
}

function routeLabel(path: string): string {
  if (ROUTES.has(path)) return path;
  const prefix = ROUTE_PREFIXES.find((candidate) => path.startsWith(candidate));
  return prefix ? `${prefix}*` : "unmatched";
}

/**
 * The runtime's server adapter installs a process-wide SIGINT/SIGTERM handler that disposes it at once,
 * aborting in-flight operations ("server is shutting down"). Draining is the composition root's job
 * (close the server, then stop()), so that handler is taken off again.
 */
function releaseTerminationSignals(): void {
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    for (const listener of process.listeners(signal)) {
      if (listener.name === "terminateHandler") process.off(signal, listener);
    }
  }
}
