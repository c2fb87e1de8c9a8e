import type { JournalWriter } from "./journal-file";

/**
 * - "always": every write starts its own fsync and resolves after it.
 * - "batch": group commit; writes queued while an fsync runs share the next one, and each resolves
 *   only after an fsync that began after its line was written.
 * - "never": writes resolve at once; the OS flushes when it likes (close still syncs).
 */
export type FsyncPolicy = "always" | "batch" | "never";

/**
 * Store-wide, not per collection: a write resolves only after every journal with earlier writes is
 * synced, so a write that depends on something it read (in any collection) never outlives it in a crash.
 */
export class Durability {
  private seq = 0;
  private readonly writers = new Set<JournalWriter>();
  private waiters: Array<{ resolve: () => void; reject: (error: unknown) => void }> = [];
  private looping = false;
  private idle: Promise<void> = Promise.resolve();
  private failure: Error | null = null;
  private closed = false;
  /** Journal fsyncs issued so far: shows a policy's effect (batch shares them, always does one per write). */
  fsyncCount = 0;

  constructor(readonly policy: FsyncPolicy) {}

  register(writer: JournalWriter): void {
    this.writers.add(writer);
  }

  nextSeq(): number {
    return ++this.seq;
  }

  assertOpen(): void {
    if (this.closed) throw new Error("the embedded store is closed");
  }

  /** Throws if an earlier fsync failed: memory may then be ahead of disk, so no further writes are accepted. */
  assertHealthy(): void {
    this.assertOpen();
    if (this.failure) throw new Error(`the embedded store stopped accepting writes after a failed fsync: ${this.failure.message}`);
  }

  /** Resolves when every write made before this call is as durable as the policy promises. */
  commit(): Promise<void> {
    if (this.failure) return Promise.reject(this.failure);
    if (this.policy === "never") return Promise.resolve();
    if (this.policy === "always") return this.syncAll();
    return new Promise((resolve, reject) => {
      this.waiters.push({ resolve, reject });
      if (!this.looping) {
        this.looping = true;
        this.idle = new Promise((done) => setImmediate(() => void this.groupCommitLoop().finally(done)));
      }
    });
  }

  /** Waits for queued commits, then syncs everything (used by close, whatever the policy). */
  async flush(): Promise<void> {
    await this.idle;
    await this.syncAll();
  }

  /** Refuses new work, waits for every pending commit, syncs and closes the journals. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    try {
      await this.flush();
    } finally {
      for (const writer of this.writers) writer.close();
    }
  }

  private async groupCommitLoop(): Promise<void> {
    while (this.waiters.length > 0) {
      const batch = this.waiters.splice(0);
      try {
        await this.syncAll();
        for (const waiter of batch) waiter.resolve();
      } catch (error) {
        for (const waiter of batch) waiter.reject(error);
      }
    }
    this.looping = false;
  }

  private async syncAll(): Promise<void> {
    try {
      const pending = [...this.writers].filter((writer) => writer.hasUnsyncedWrites);
      this.fsyncCount += pending.length;
      await Promise.all(pending.map((writer) => writer.sync()));
    } catch (error) {
      this.failure ??= error instanceof Error ? error : new Error(String(error));
      throw error;
    }
  }
}
