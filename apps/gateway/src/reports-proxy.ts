import type { Context, Hono } from "hono";
import type { Logger } from "pino";
import { CORRELATION_HEADER } from "@lienthong/subgraph/correlation";
import type { SubgraphEndpoint } from "./fetch-sdl";

export const REPORTS_PATH = "/reports";

export interface ReportsRouteOptions {
  /** The subgraph whose HTTP server serves `/reports/*.csv`. Default "tasks". */
  subgraph?: string;
  /** Time allowed until the subgraph answers with its status and headers. Default 15 s. */
  headersTimeoutMs?: number;
  /** Time allowed for the whole download, body included. Default 120 s. */
  totalTimeoutMs?: number;
}

// Report files only (e.g. tasks.csv): no other path of the subgraph is reachable through this route.
const REPORT_FILE = /^[a-z][a-z0-9-]{0,63}\.csv$/;
const FORWARDED_REQUEST_HEADERS = ["authorization", "accept", "accept-language"] as const;
const FORWARDED_RESPONSE_HEADERS = ["content-type", "content-disposition", "cache-control", "www-authenticate"] as const;

/**
 * GET /reports/<name>.csv?… → the same path and query on the reports subgraph, with the caller's token and the
 * correlation id; status, headers that describe the download, and the body (streamed) come back unchanged.
 */
export function addReportRoutes(app: Hono, subgraphs: readonly SubgraphEndpoint[], log: Logger, options: ReportsRouteOptions = {}): void {
  const upstream = subgraphs.find((subgraph) => subgraph.name === (options.subgraph ?? "tasks"));
  if (!upstream) return;
  const origin = new URL(upstream.url).origin;
  const headersTimeoutMs = options.headersTimeoutMs ?? 15_000;
  const totalTimeoutMs = options.totalTimeoutMs ?? 120_000;

  app.get(`${REPORTS_PATH}/:file`, async (c) => {
    const file = c.req.param("file");
    if (!REPORT_FILE.test(file)) return c.notFound();
    const target = new URL(`${REPORTS_PATH}/${file}`, origin);
    target.search = new URL(c.req.url).search;

    const headers = new Headers({ [CORRELATION_HEADER]: c.req.header(CORRELATION_HEADER) ?? "" });
    for (const name of FORWARDED_REQUEST_HEADERS) {
      const value = c.req.header(name);
      if (value !== undefined) headers.set(name, value);
    }

    const waitingForHeaders = new AbortController();
    const timer = setTimeout(() => waitingForHeaders.abort(new Error("no answer within the headers timeout")), headersTimeoutMs);
    const signal = AbortSignal.any([c.req.raw.signal, waitingForHeaders.signal, AbortSignal.timeout(totalTimeoutMs)]);
    let response: Response;
    try {
      response = await fetch(target, { headers, signal, redirect: "manual" });
    } catch (error) {
      const timedOut = waitingForHeaders.signal.aborted || (error instanceof DOMException && error.name === "TimeoutError");
      log.warn({ subgraph: upstream.name, correlationid: headers.get(CORRELATION_HEADER), err: error }, "report download failed");
      return timedOut ? failure(c, 504, "GATEWAY_TIMEOUT", TIMEOUT_MESSAGE) : failure(c, 502, "BAD_GATEWAY", UNREACHABLE_MESSAGE);
    } finally {
      clearTimeout(timer);
    }

    const answer = new Headers();
    for (const name of FORWARDED_RESPONSE_HEADERS) {
      const value = response.headers.get(name);
      if (value !== null) answer.set(name, value);
    }
    return new Response(response.body, { status: response.status, headers: answer });
  });
}

const TIMEOUT_MESSAGE = "Dịch vụ báo cáo không trả lời kịp. Vui lòng thử lại sau.";
const UNREACHABLE_MESSAGE = "Không kết nối được dịch vụ báo cáo. Vui lòng thử lại sau.";

function failure(c: Context, status: 502 | 504, code: string, message: string) {
  return c.json({ error: { code, message } }, status);
}
