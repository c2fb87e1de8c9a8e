import type { IncomingMessage, ServerResponse } from "node:http";
import type { Principal } from "@lienthong/auth/principal";
import { AuthenticationError, principalFromAuthorization, type Verifier } from "@lienthong/auth/verify";
import { getRequestListener } from "@hono/node-server";
import type { GraphQLSchema } from "graphql";
import { Hono } from "hono";
import { routePath } from "hono/route";
import type { Logger } from "pino";
import { CORRELATION_HEADER, correlationIdFrom } from "./correlation";
import { UNEXPECTED_ERROR_MESSAGE } from "./error-masking";
import { addGraphiQLAssetRoutes } from "./graphiql";
import { createGraphQLServer, GRAPHQL_PATH } from "./graphql-server";
import { createHttpMetrics } from "./http-metrics";
import { createMetrics, METRICS_CONTENT_TYPE, type Metrics } from "./metrics";
import type { Readiness } from "./readiness";
import { listen, type RunningServer } from "./serve";

export interface SubgraphEnv {
  Variables: {
    correlationId: string;
    /** Logger bound to the request's correlation id. */
    log: Logger;
    /** Set for the service's own routes (not for health, readiness, metrics). */
    principal: Principal | null;
  };
}

export interface SubgraphOptions {
  name: string;
  schema: GraphQLSchema;
  verifier: Verifier;
  log: Logger;
  /** What /readyz reports: start-up finished, each consumer and schedule running. Default: always ready. */
  readiness?: Pick<Readiness, "report">;
  /** The service's own HTTP routes (exports, webhooks…); they see `c.var.principal`. */
  routes?: (app: Hono<SubgraphEnv>) => void;
  graphiql?: boolean;
  /** Shared with the rest of the app (relay, consumers) so /metrics shows their counters too. */
  metrics?: Metrics;
  /** How long close() waits for in-flight requests before cutting connections. Default 10 s. */
  shutdownTimeoutMs?: number;
}

export interface Subgraph {
  /** Every route, /graphql included, for `app.request()` in tests. */
  app: Hono<SubgraphEnv>;
  /** The Node request listener: /graphql straight to yoga, everything else to Hono. */
  handler: (req: IncomingMessage, res: ServerResponse) => void;
  metrics: Metrics;
  listen(port?: number, host?: string): Promise<RunningServer>;
}

export function createSubgraph(options: SubgraphOptions): Subgraph {
  const log = options.log.child({ subgraph: options.name });
  const metrics = options.metrics ?? createMetrics();
  const http = createHttpMetrics(metrics);
  const yoga = createGraphQLServer({ schema: options.schema, verifier: options.verifier, log, graphiql: options.graphiql ?? false });

  const app = new Hono<SubgraphEnv>();

  app.use("*", async (c, next) => {
    const started = performance.now();
    const correlationId = correlationIdFrom(c.req.header(CORRELATION_HEADER));
    c.set("correlationId", correlationId);
    c.set("log", log.child({ correlationid: correlationId }));
    await next();
    c.header(CORRELATION_HEADER, correlationId);
    const route = routePath(c);
    http.record(route === "*" || route === "/*" ? "unmatched" : route, c.req.method, c.res.status, started);
  });

  app.get("/healthz", (c) => c.json({ status: "ok" }));

  app.get("/readyz", (c) => {
    const { ready, started, checks } = options.readiness?.report() ?? { ready: true, started: true, checks: {} };
    return c.json({ status: ready ? "ready" : "not ready", started, checks }, ready ? 200 : 503);
  });

  app.get("/metrics", async (c) => c.body(await metrics.render(), 200, { "content-type": METRICS_CONTENT_TYPE }));

  // For app.request() only: served over HTTP, /graphql never reaches Hono (see handler).
  app.on(["GET", "POST"], GRAPHQL_PATH, (c) => yoga.fetch(c.req.raw, { correlationId: c.var.correlationId }));
  if (options.graphiql) addGraphiQLAssetRoutes(app);

  app.use("*", async (c, next) => {
    try {
      c.set("principal", await principalFromAuthorization(c.req.header("authorization"), options.verifier));
    } catch (error) {
      if (!(error instanceof AuthenticationError)) throw error;
      return c.json({ error: { code: "UNAUTHENTICATED", message: error.message } }, 401);
    }
    return next();
  });

  options.routes?.(app);

  app.notFound((c) => c.json({ error: { code: "NOT_FOUND", message: `Không có đường dẫn ${c.req.method} ${c.req.path}.` } }, 404));
  app.onError((error, c) => {
    (c.var.log ?? log).error({ err: error }, "unexpected error in an HTTP route");
    return c.json({ error: { code: "INTERNAL_SERVER_ERROR", message: UNEXPECTED_ERROR_MESSAGE } }, 500);
  });

  const honoListener = getRequestListener(app.fetch);

  const handler = (req: IncomingMessage, res: ServerResponse): void => {
    // Normalised once here so yoga's context and Hono read the same id.
    const correlationId = correlationIdFrom(req.headers[CORRELATION_HEADER]);
    req.headers[CORRELATION_HEADER] = correlationId;
    res.setHeader(CORRELATION_HEADER, correlationId);
    if (pathOf(req.url) !== GRAPHQL_PATH) {
      void honoListener(req, res);
      return;
    }
    const started = performance.now();
    res.once("close", () => http.record(GRAPHQL_PATH, req.method ?? "GET", res.statusCode, started));
    yoga.requestListener(req, res);
  };

  return {
    app,
    handler,
    metrics,
    listen: (port = 0, host) => listen(handler, { port, host, log, shutdownTimeoutMs: options.shutdownTimeoutMs ?? 10_000 }),
  };
}

function pathOf(url: string | undefined): string {
  if (!url) return "/";
  const query = url.indexOf("?");
  return query === -1 ? url : url.slice(0, query);
}
