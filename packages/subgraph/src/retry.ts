import type { Logger } from "pino";

export interface RetryOptions {
  log: Logger;
  /** Delay before the second attempt; it doubles up to `maxDelayMs`. Default 500 ms / 15 s. */
  initialDelayMs?: number;
  maxDelayMs?: number;
  /** Stops waiting (a signal during start-up): the last error is thrown. */
  signal?: AbortSignal;
}

/**
 * Calls `connect` until it succeeds, waiting longer after each failure (exponential backoff with jitter, so many
 * instances restarted together do not knock in step). Each wait is logged with what it waits for and why.
 */
export async function retryUntilConnected<T>(what: string, connect: () => Promise<T>, options: RetryOptions): Promise<T> {
  const initial = options.initialDelayMs ?? 500;
  const max = options.maxDelayMs ?? 15_000;
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await connect();
    } catch (error) {
      if (options.signal?.aborted) throw error;
      const ceiling = Math.min(max, initial * 2 ** (attempt - 1));
      const delayMs = Math.round(ceiling / 2 + Math.random() * (ceiling / 2));
      options.log.warn(
        { attempt, retryInMs: delayMs, reason: error instanceof Error ? error.message : String(error) },
        `waiting for ${what}`,
      );
      await sleep(delayMs, options.signal);
      if (options.signal?.aborted) throw error;
    }
  }
}

function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    signal?.addEventListener("abort", done, { once: true });
    function done() {
      clearTimeout(timer);
      signal?.removeEventListener("abort", done);
      resolve();
    }
  });
}
