export interface RetryPolicy {
  /** Attempts in all, the first included; after the last failure the delivery is failed. */
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { maxAttempts: 8, baseDelayMs: 10_000, maxDelayMs: 6 * 60 * 60_000 };

/**
 * Delay before the next attempt after `failedAttempts` failures: exponential, capped, with "equal jitter"
 * (half fixed, half random) so many receivers failing at once do not come back in step.
 */
export function retryDelay(policy: RetryPolicy, failedAttempts: number, random: () => number = Math.random): number {
  const exponential = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, failedAttempts - 1));
  return Math.round(exponential / 2 + random() * (exponential / 2));
}
