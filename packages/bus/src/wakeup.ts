/**
 * Lets an embedded consumer sleep until there may be news: a publish in this process (`notify`), a poll
 * timeout (appends by another writer), or `interrupt` (stop). Once interrupted, every wait returns at once.
 */
export class Wakeup {
  private interrupted = false;
  /** Pending waits, each mapped to whether a publish ends it. */
  private readonly pending = new Map<() => void, boolean>();

  constructor(private readonly pollMs: number) {}

  /** Waits for a publish, the poll interval, or interruption. */
  next(): Promise<void> {
    return this.wait(this.pollMs, true);
  }

  /** Waits `ms` (a backoff delay) unless interrupted; publishes do not shorten it. */
  sleep(ms: number): Promise<void> {
    return this.wait(ms, false);
  }

  notify(): void {
    for (const [wake, onNotify] of [...this.pending]) if (onNotify) wake();
  }

  interrupt(): void {
    this.interrupted = true;
    for (const wake of [...this.pending.keys()]) wake();
  }

  private wait(ms: number, onNotify: boolean): Promise<void> {
    if (this.interrupted) return Promise.resolve();
    return new Promise((resolve) => {
      const wake = () => {
        clearTimeout(timer);
        this.pending.delete(wake);
        resolve();
      };
      const timer = setTimeout(wake, ms);
      this.pending.set(wake, onNotify);
    });
  }
}
