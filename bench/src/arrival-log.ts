import { performance } from "node:perf_hooks";
import type { Arrival } from "./feed-watcher";

export interface PhaseArrivals {
  /** Distinct notifications that arrived in the phase. */
  received: number;
  /** The same (recipient, kind, task) arriving again. */
  duplicates: number;
  lastArrivalMs: number;
  /** Publish start of the notification's event → its arrival, ms, one per notification about a task. */
  latenciesMs: number[];
}

/**
 * Collects live-feed arrivals phase by phase: `sent` notes when a task's event was published, `arrive`
 * records each notification, `waitFor` resolves once a phase has seen as many as expected.
 */
export function createArrivalLog() {
  const sentAt = new Map<string, number>();
  let seen = new Set<string>();
  let phase: PhaseArrivals = { received: 0, duplicates: 0, lastArrivalMs: 0, latenciesMs: [] };
  let waiter: { count: number; resolve: () => void } | null = null;
  let failure: Error | null = null;
  let failed: (error: Error) => void = () => undefined;

  return {
    sent(taskId: string, atMs = performance.now()) {
      sentAt.set(taskId, atMs);
    },
    arrive(arrival: Arrival) {
      const key = `${arrival.recipient}|${arrival.kind}|${arrival.taskId ?? ""}`;
      if (seen.has(key)) {
        phase.duplicates += 1;
        return;
      }
      seen.add(key);
      phase.received += 1;
      phase.lastArrivalMs = arrival.atMs;
      const sent = arrival.taskId === null ? undefined : sentAt.get(arrival.taskId);
      if (sent !== undefined) phase.latenciesMs.push(arrival.atMs - sent);
      if (waiter && phase.received >= waiter.count) waiter.resolve();
    },
    fail(error: Error) {
      failure ??= error;
      failed(error);
    },
    /** Resolves when the current phase has `count` distinct arrivals; rejects after `timeoutMs` or on a feed error. */
    async waitFor(count: number, timeoutMs: number, label: string): Promise<void> {
      if (failure) throw failure;
      if (phase.received >= count) return;
      let timer: NodeJS.Timeout | undefined;
      try {
        await new Promise<void>((resolve, reject) => {
          waiter = { count, resolve };
          failed = reject;
          timer = setTimeout(
            () => reject(new Error(`${label}: ${phase.received} of ${count} notifications within ${timeoutMs} ms`)),
            timeoutMs,
          );
        });
      } finally {
        clearTimeout(timer);
        waiter = null;
        failed = () => undefined;
      }
    },
    /** Ends the current phase: returns what arrived in it and starts an empty one. */
    take(): PhaseArrivals {
      const taken = phase;
      phase = { received: 0, duplicates: 0, lastArrivalMs: 0, latenciesMs: [] };
      seen = new Set();
      return taken;
    },
  };
}

export type ArrivalLog = ReturnType<typeof createArrivalLog>;
