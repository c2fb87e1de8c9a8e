/** What a periodic job reports failures to (a pino logger fits). */
export interface PeriodicLog {
  error(details: object, message: string): void;
}

/**
 * When a started job first runs: "now" (start() resolves after that run and rejects if it fails; the default),
 * "soon" (start() resolves at once and the run follows in the background) or "after-interval".
 */
export type FirstRun = "now" | "soon" | "after-interval";

export interface PeriodicOptions<Outcome> {
  name: string;
  intervalMs: number;
  run: () => Promise<Outcome>;
  log: PeriodicLog;
  firstRun?: FirstRun;
}

export interface Periodic<Outcome> {
  /** Runs the job now; a call while it runs shares that run instead of starting a second one. */
  runOnce(): Promise<Outcome>;
  /** A run that starts after this call (once the one in progress, if any, ends): for work queued just now. */
  runFresh(): Promise<Outcome>;
  /** Asks for a run as soon as possible instead of after the interval: at once when idle, else right after the run in progress. */
  wake(): void;
  /** Runs as `firstRun` says, then again `intervalMs` after each run ends. Starting a started job does nothing. */
  start(): Promise<void>;
  /** No further runs; waits for the one in progress. */
  stop(): Promise<void>;
}

const ignore = (): void => undefined;

/** A job that runs periodically and on wake-ups, never overlapping itself; a failed background run is logged and retried next time. */
export function periodic<Outcome>(options: PeriodicOptions<Outcome>): Periodic<Outcome> {
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<Outcome> | undefined;
  let stopped = true;
  let woken = false;

  const schedule = (delayMs: number): void => {
    if (stopped) return;
    clearTimeout(timer);
    timer = setTimeout(tick, delayMs);
    timer.unref();
  };

  const runOnce = (): Promise<Outcome> => {
    running ??= options.run().finally(() => {
      running = undefined;
      if (woken) {
        woken = false;
        schedule(0);
      }
    });
    return running;
  };

  /** After a run: the next one after the interval, unless a wake-up already asked for one sooner. */
  const scheduleNext = (): void => {
    if (timer === undefined) schedule(options.intervalMs);
  };

  function tick(): void {
    timer = undefined;
    runOnce()
      .then(ignore, (error: unknown) =>
        options.log.error({ err: error, job: options.name }, "periodic job failed; it runs again next time"),
      )
      .finally(scheduleNext);
  }

  return {
    runOnce,
    runFresh: () => (running ? running.then(ignore, ignore).then(runOnce) : runOnce()),
    wake() {
      if (stopped) return;
      if (running) woken = true;
      else schedule(0);
    },
    async start() {
      if (!stopped) return;
      stopped = false;
      const firstRun = options.firstRun ?? "now";
      if (firstRun === "soon") schedule(0);
      else if (firstRun === "after-interval") schedule(options.intervalMs);
      else {
        await runOnce();
        scheduleNext();
      }
    },
    async stop() {
      stopped = true;
      woken = false;
      clearTimeout(timer);
      timer = undefined;
      await running?.catch(ignore);
    },
  };
}
