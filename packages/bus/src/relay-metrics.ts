import type { Database } from "@lienthong/store/collection";
import type { RelayObserver } from "./relay";

/** The part of a Prometheus registry the relay needs (packages/subgraph's Metrics has it). */
export interface RelayMetricsRegistry {
  counter(name: string, help: string): { inc(labels?: Record<string, string>, by?: number): void };
  gauge(name: string, help: string, collect?: () => number | Promise<number>): unknown;
}

/**
 * Events relayed per type, failed drains, and the outbox depth (events written but not yet published),
 * read at scrape time: a depth that keeps growing means the broker is unreachable.
 */
export function relayMetrics(metrics: RelayMetricsRegistry, service: string, db: Database, collections: string[]): RelayObserver {
  const relayed = metrics.counter("lt_events_relayed_total", "Events published from aggregate outboxes to the bus.");
  const failures = metrics.counter("lt_relay_failures_total", "Outbox drains that failed and were left for the next sweep.");
  metrics.gauge("lt_outbox_depth", "Aggregates whose outbox still holds events.", async () => {
    let depth = 0;
    for (const name of collections) depth += await db.collection(name).countDocuments({ "_outbox.0": { $exists: true } });
    return depth;
  });
  return {
    relayed: (envelope) => relayed.inc({ service, type: envelope.type }),
    failed: () => failures.inc({ service }),
  };
}
