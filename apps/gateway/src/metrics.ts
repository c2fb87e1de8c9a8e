/** Prometheus text exposition for the gateway: requests, their durations and upstream (subgraph) errors. */
export interface GatewayMetrics {
  observeRequest(route: string, status: number, durationSeconds: number): void;
  countUpstreamError(subgraph: string): void;
  render(): string;
}

const DURATION_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

interface Histogram {
  buckets: number[];
  sum: number;
  count: number;
}

export function createGatewayMetrics(): GatewayMetrics {
  const requests = new Map<string, number>();
  const durations = new Map<string, Histogram>();
  const upstreamErrors = new Map<string, number>();

  return {
    observeRequest(route, status, durationSeconds) {
      const key = labels({ route, status: String(status) });
      requests.set(key, (requests.get(key) ?? 0) + 1);
      const routeKey = labels({ route });
      const histogram = durations.get(routeKey) ?? { buckets: DURATION_BUCKETS.map(() => 0), sum: 0, count: 0 };
      DURATION_BUCKETS.forEach((le, i) => {
        if (durationSeconds <= le) histogram.buckets[i] = (histogram.buckets[i] ?? 0) + 1;
      });
      histogram.sum += durationSeconds;
      histogram.count += 1;
      durations.set(routeKey, histogram);
    },
    countUpstreamError(subgraph) {
      const key = labels({ subgraph });
      upstreamErrors.set(key, (upstreamErrors.get(key) ?? 0) + 1);
    },
    render() {
      const lines = [
        "# HELP gateway_http_requests_total HTTP requests answered by the gateway.",
        "# TYPE gateway_http_requests_total counter",
        ...[...requests].map(([key, value]) => `gateway_http_requests_total{${key}} ${value}`),
        "# HELP gateway_http_request_duration_seconds Time to answer an HTTP request.",
        "# TYPE gateway_http_request_duration_seconds histogram",
      ];
      for (const [key, histogram] of durations) {
        DURATION_BUCKETS.forEach((le, i) => {
          lines.push(`gateway_http_request_duration_seconds_bucket{${key},le="${le}"} ${histogram.buckets[i] ?? 0}`);
        });
        lines.push(`gateway_http_request_duration_seconds_bucket{${key},le="+Inf"} ${histogram.count}`);
        lines.push(`gateway_http_request_duration_seconds_sum{${key}} ${histogram.sum}`);
        lines.push(`gateway_http_request_duration_seconds_count{${key}} ${histogram.count}`);
      }
      lines.push(
        "# HELP gateway_upstream_errors_total Subgraph calls that failed or answered with errors.",
        "# TYPE gateway_upstream_errors_total counter",
        ...[...upstreamErrors].map(([key, value]) => `gateway_upstream_errors_total{${key}} ${value}`),
      );
      return `${lines.join("\n")}\n`;
    },
  };
}

function labels(values: Record<string, string>): string {
  return Object.entries(values)
    .map(([name, value]) => `${name}="${value.replace(/\\/g, "\\\\").replace(/"/g, '\\"').replace(/\n/g, "\\n")}"`)
    .join(",");
}
