import { createHttpMetrics } from "@lienthong/subgraph/http-metrics";
import { createMetrics, type Metrics } from "@lienthong/subgraph/metrics";

/** The subgraphs' HTTP metrics (same names and labels in every process) plus the gateway's upstream errors. */
export interface GatewayMetrics {
  registry: Metrics;
  /** `started` is a performance.now() reading taken when the request arrived. */
  recordRequest(route: string, method: string, status: number, started: number): void;
  countUpstreamError(subgraph: string): void;
}

export function createGatewayMetrics(): GatewayMetrics {
  const registry = createMetrics();
  const http = createHttpMetrics(registry);
  const upstreamErrors = registry.counter("gateway_upstream_errors_total", "Subgraph calls that failed or answered with errors.");
  return {
    registry,
    recordRequest: (route, method, status, started) => http.record(route, method, status, started),
    countUpstreamError: (subgraph) => upstreamErrors.inc({ subgraph }),
  };
}
