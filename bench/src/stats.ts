/** Nearest-rank percentile of ascending-sorted samples (p in 0..100); NaN when there are none. */
export function percentile(sorted: ArrayLike<number>, p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1] as number;
}

export function sortedCopy(samples: ArrayLike<number>): Float64Array {
  return Float64Array.from(samples).sort();
}

/** Operations per second. */
export function rate(count: number, elapsedMs: number): number {
  return elapsedMs > 0 ? (count * 1000) / elapsedMs : Number.NaN;
}

const grouped = new Intl.NumberFormat("en-US", { maximumFractionDigits: 0 });

/** `12,345` — rates and counts. */
export function formatCount(value: number): string {
  return Number.isFinite(value) ? grouped.format(value) : "-";
}

/** Rates: `12,345`, and two significant digits below 10 so a slow operation does not read `0`: `0.31`. */
export function formatRate(value: number): string {
  return Number.isFinite(value) && value < 10 ? value.toPrecision(2) : formatCount(value);
}

/** Milliseconds with three significant digits and never fewer than three decimals below 1 ms: `0.0412`, `1.27`, `153`. */
export function formatMs(value: number): string {
  if (!Number.isFinite(value)) return "-";
  if (value >= 100) return value.toFixed(0);
  if (value >= 10) return value.toFixed(1);
  if (value >= 1) return value.toFixed(2);
  return value.toPrecision(3);
}
