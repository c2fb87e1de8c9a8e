import type { Logger } from "pino";

/**
 * SIGTERM/SIGINT: run the shutdown steps once (stop accepting, drain, flush, close) and exit 0,
 * or exit 1 when they take longer than `timeoutMs`, so an orchestrator never waits forever.
 */
export function exitOnSignals(log: Logger, shutdown: () => Promise<void>, timeoutMs = 15_000): void {
  let started = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (started) return;
    started = true;
    log.info({ signal }, "shutting down");
    setTimeout(() => {
      log.error({ timeoutMs }, "shutdown took too long; exiting anyway");
      process.exit(1);
    }, timeoutMs).unref();
    shutdown().then(
      () => {
        log.info("stopped");
        process.exit(0);
      },
      (error: unknown) => {
        log.error({ err: error }, "shutdown failed");
        process.exit(1);
      },
    );
  };
  process.on("SIGTERM", onSignal);
  process.on("SIGINT", onSignal);
}
