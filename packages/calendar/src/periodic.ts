/** What a periodic job reports failures to (a pino logger fits). */
export interface PeriodicLog {
  error(details: object, message: string): void;
}

export interface Periodic<Outcome> {
  /** Runs the job now; a call while it runs shares that run instead of starting a second one. */
  runOnce(): Promise<Outcome>;
  /** Runs now, then again `intervalMs` after each run ends. */
  start(): Promise<void>;
  /** No further runs; waits for the one in progress. */
  stop(): Promise<void>;
}

/** A job that runs at start and then periodically, never overlapping itself; a failed run is logged and retried next time. */
export function periodic<Outcome>(options: {
  name: string;
  intervalMs: number;
  run: () => Promise<Outcome>;
  log: PeriodicLog;
}): Periodic<Outcome> {
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<Outcome> | undefined;
  let stopped = false;

  const runOnce = (): Promise<Outcome> => {
    running ??= options.run().finally(() => {
      running = undefined;
    });
    return running;
  };

  const schedule = (): void => {
    if (stopped) return;
    timer = setTimeout(() => {
      runOnce()
        .catch((error: unknown) => options.log.error({ err: error, job: options.name }, "periodic job failed; it runs again next time"))
        .finally(schedule);
    }, options.intervalMs);
    timer.unref();
  };

  return {
    runOnce,
    async start() {
      stopped = false;
      await runOnce();
      schedule();
    },
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running?.catch(() => undefined);
    },
  };
}
