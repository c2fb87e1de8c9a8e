import type { Metrics } from "./metrics";

/** Request counts by route/method/status and a duration histogram by route/method, plus process basics. */
export function createHttpMetrics(metrics: Metrics) {
  const requests = metrics.counter("http_requests_total", "HTTP requests answered, by route pattern, method and status.");
  const duration = metrics.histogram("http_request_duration_seconds", "Time to answer an HTTP request, by route pattern and method.");
  metrics.gauge("process_resident_memory_bytes", "Resident memory size in bytes.", () => process.memoryUsage.rss());
  metrics.gauge("process_uptime_seconds", "Seconds since the process started.", () => Math.round(process.uptime()));

  return {
    /** `started` is a performance.now() reading taken when the request arrived. */
    record(route: string, method: string, status: number, started: number): void {
      requests.inc({ route, method, status: String(status) });
      duration.observe((performance.now() - started) / 1000, { route, method });
    },
  };
}
