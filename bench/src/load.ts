import { performance } from "node:perf_hooks";
import { setTimeout as sleep } from "node:timers/promises";
import { formatCount } from "./stats";

export interface LoadResult {
  operations: number;
  elapsedMs: number;
  /** Latency of each operation in ms, from its start to its promise settling. */
  latenciesMs: Float64Array;
}

/**
 * Closed loop: `concurrency` workers each await one operation after another, so at most that many
 * are in flight. Operation `index` runs exactly once for every index below `total`, in increasing
 * start order.
 */
export async function runClosedLoop(
  total: number,
  concurrency: number,
  operation: (index: number) => Promise<unknown>,
): Promise<LoadResult> {
  const latenciesMs = new Float64Array(total);
  let next = 0;
  const worker = async () => {
    while (next < total) {
      const index = next++;
      const started = performance.now();
      await operation(index);
      latenciesMs[index] = performance.now() - started;
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: Math.min(concurrency, total) }, worker));
  return { operations: total, elapsedMs: performance.now() - started, latenciesMs };
}

/**
 * Open loop: operation `index` starts at `index / perSecond` seconds whether or not earlier ones have
 * finished (late ticks start every overdue operation at once), as independent clients would.
 */
export async function runPaced(total: number, perSecond: number, operation: (index: number) => Promise<unknown>): Promise<LoadResult> {
  const latenciesMs = new Float64Array(total);
  const pending: Array<Promise<void>> = [];
  const started = performance.now();
  let next = 0;
  while (next < total) {
    const due = Math.min(total, Math.floor(((performance.now() - started) * perSecond) / 1000) + 1);
    for (; next < due; next++) {
      const index = next;
      const opStarted = performance.now();
      pending.push(
        operation(index).then(() => {
          latenciesMs[index] = performance.now() - opStarted;
        }),
      );
    }
    if (next < total) await sleep(1);
  }
  await Promise.all(pending);
  return { operations: total, elapsedMs: performance.now() - started, latenciesMs };
}

/** How a benchmark run drives its operations: a bounded number in flight, or a fixed rate. */
export type Load = { kind: "in-flight"; limit: number } | { kind: "paced"; perSecond: number };

/** A named run of a scenario; warm-up runs prime connections, the JIT and stores and are not printed. */
export interface LoadRun {
  name: string;
  events: number;
  load: Load;
  shown: boolean;
}

export function runLoad(load: Load, total: number, operation: (index: number) => Promise<unknown>): Promise<LoadResult> {
  return load.kind === "in-flight" ? runClosedLoop(total, load.limit, operation) : runPaced(total, load.perSecond, operation);
}

export function describeLoad(load: Load): string {
  return load.kind === "in-flight" ? `${load.limit} in flight` : `paced ${formatCount(load.perSecond)}/s`;
}
