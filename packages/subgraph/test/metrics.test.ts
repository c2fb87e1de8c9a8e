import { describe, expect, it } from "vitest";
import { createMetrics } from "../src/metrics";

describe("metrics registry", () => {
  it("renders counters and gauges in Prometheus text format", async () => {
    const metrics = createMetrics();
    const published = metrics.counter("events_published_total", "Events published to the bus.");
    published.inc({ stream: "LT_TASKS" });
    published.inc({ stream: "LT_TASKS" }, 2);
    metrics.gauge("outbox_depth", "Envelopes waiting in outboxes.", () => 7);
    const consumers = metrics.gauge("consumers_running", "Running consumers.");
    consumers.set(3);
    consumers.dec();

    expect(await metrics.render()).toBe(
      [
        "# HELP events_published_total Events published to the bus.",
        "# TYPE events_published_total counter",
        'events_published_total{stream="LT_TASKS"} 3',
        "# HELP outbox_depth Envelopes waiting in outboxes.",
        "# TYPE outbox_depth gauge",
        "outbox_depth 7",
        "# HELP consumers_running Running consumers.",
        "# TYPE consumers_running gauge",
        "consumers_running 2",
        "",
      ].join("\n"),
    );
  });

  it("renders cumulative histogram buckets with sum and count", async () => {
    const metrics = createMetrics();
    const latency = metrics.histogram("handler_seconds", "Handler time.", [0.1, 1]);
    latency.observe(0.05, { handler: "a" });
    latency.observe(0.5, { handler: "a" });
    latency.observe(3, { handler: "a" });
    const text = await metrics.render();
    expect(text).toContain('handler_seconds_bucket{handler="a",le="0.1"} 1');
    expect(text).toContain('handler_seconds_bucket{handler="a",le="1"} 2');
    expect(text).toContain('handler_seconds_bucket{handler="a",le="+Inf"} 3');
    expect(text).toContain('handler_seconds_sum{handler="a"} 3.55');
    expect(text).toContain('handler_seconds_count{handler="a"} 3');
  });

  it("escapes label values", async () => {
    const metrics = createMetrics();
    metrics.counter("odd_total", "Odd labels.").inc({ value: 'say "hi"\\\n' });
    expect(await metrics.render()).toContain('odd_total{value="say \\"hi\\"\\\\\\n"} 1');
  });

  it("hands back the same metric for the same name and refuses a different kind", () => {
    const metrics = createMetrics();
    expect(metrics.counter("a_total", "A.")).toBe(metrics.counter("a_total", "A."));
    expect(() => metrics.gauge("a_total", "A.")).toThrow(/already registered as a counter/);
    expect(() => metrics.counter("bad name", "B.")).toThrow(/Invalid metric name/);
  });
});
