import { performance } from "node:perf_hooks";

/**
 * Epoch milliseconds with sub-millisecond resolution. Both bench processes derive it from the same
 * system clock, so a time taken in one can be compared with a time taken in the other.
 */
export function wallClockMs(): number {
  return performance.timeOrigin + performance.now();
}
