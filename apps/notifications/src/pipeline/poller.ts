import type { Logger } from "pino";

export interface Poller {
  start(): void;
  /** Runs a pass soon (e.g. right after new work was queued) instead of waiting for the interval. */
  wake(): void;
  /** One pass now; resolves when it is done. Passes never overlap. */
  runNow(): Promise<void>;
  /** Stops the timer and waits for the pass in flight. */
  stop(): Promise<void>;
}

/** Runs `pass` every `intervalMs` and on wake-ups, one pass at a time. */
export function createPoller(options: { intervalMs: number; pass: () => Promise<void>; log: Logger; name: string }): Poller {
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  let again = false;
  let inPass = false;
  let stopped = true;

  const schedule = (delay: number) => {
    if (stopped) return;
    clearTimeout(timer);
    timer = setTimeout(() => void runNow(), delay);
  };

  function runNow(): Promise<void> {
    if (inPass) {
      again = true;
      return running;
    }
    inPass = true;
    running = (async () => {
      do {
        again = false;
        try {
          await options.pass();
        } catch (error) {
          options.log.error({ err: error, poller: options.name }, "background pass failed; will try again");
        }
      } while (again && !stopped);
      inPass = false;
      schedule(options.intervalMs);
    })();
    return running;
  }

  return {
    start() {
      stopped = false;
      schedule(0);
    },
    wake: () => schedule(0),
    runNow,
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}
