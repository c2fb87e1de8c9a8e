import type { EventBus } from "./event-bus";
import type { RelayMetricsRegistry } from "./relay-metrics";

/**
 * The same bus, counting for /metrics what this service's consumers do: events handled and handler failures
 * (each failure is a retry, or a dead letter once maxDeliver is reached), per durable and event type.
 */
export function observedBus(bus: EventBus, metrics: RelayMetricsRegistry, service: string): EventBus {
  const handled = metrics.counter("lt_events_consumed_total", "Events whose handler completed (acknowledged).");
  const failed = metrics.counter("lt_consumer_failures_total", "Handler failures: retried with backoff, dead-lettered after maxDeliver.");
  return {
    publish: (envelope) => bus.publish(envelope),
    close: () => bus.close(),
    consume: (options) =>
      bus.consume({
        ...options,
        handler: async (envelope) => {
          const labels = { service, durable: options.durable, type: envelope.type };
          try {
            await options.handler(envelope);
          } catch (error) {
            failed.inc(labels);
            throw error;
          }
          handled.inc(labels);
        },
      }),
  };
}
