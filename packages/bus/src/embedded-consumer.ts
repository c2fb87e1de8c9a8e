import { z } from "zod";
import type { Logger } from "pino";
import type { Envelope } from "@lienthong/contracts/envelope";
import type { EventDeclaration } from "@lienthong/contracts/registry";
import type { Database } from "@lienthong/store/collection";
import { insertIfAbsent } from "@lienthong/store/insert-if-absent";
import { backoffDelay, errorText, type ConsumeSettings, type Consumer, type DeadLetter } from "./event-bus";
import { readLogAfter, type ReadEntry } from "./embedded-log";
import { readMessage } from "./receipt";
import { subjectMatches } from "./subjects";
import type { Wakeup } from "./wakeup";

export const CURSOR_COLLECTION = "bus_cursors";
export const DEAD_LETTER_COLLECTION = "dead_letters";

/** Where a durable stands: every entry up to `acked` is settled; `failing` counts failed deliveries of the entry being retried. */
const cursorSchema = z.object({
  _id: z.string(),
  subject: z.string(),
  acked: z.number().int().nonnegative(),
  failing: z.object({ seq: z.number().int().positive(), failures: z.number().int().positive() }).nullable(),
});
type Cursor = z.infer<typeof cursorSchema>;

/** `_id` is `<durable>:<seq>`, so settling the same entry twice (after a crash) keeps one letter. */
export type DeadLetterDocument = DeadLetter & { _id: string; seq: number };

interface RunOptions {
  db: Database;
  settings: ConsumeSettings;
  handler: (envelope: Envelope) => Promise<void>;
  events: readonly EventDeclaration[];
  wakeup: Wakeup;
  log: Logger;
}

const BATCH = 100;
const RETRY_AFTER_ERROR_MS = 1000;

async function loadCursor(db: Database, settings: ConsumeSettings): Promise<Cursor> {
  const cursors = db.collection<Cursor>(CURSOR_COLLECTION);
  const fresh: Cursor = { _id: settings.durable, subject: settings.subject, acked: 0, failing: null };
  await insertIfAbsent(cursors, fresh);
  const cursor = cursorSchema.parse(await cursors.findOne({ _id: settings.durable }));
  if (cursor.subject !== settings.subject) {
    throw new Error(`durable ${settings.durable}: already consumes ${cursor.subject}, cannot switch to ${settings.subject}`);
  }
  return cursor;
}

/** Delivers the log to one durable, strictly in order: an event blocks the ones after it until settled. */
export async function runEmbeddedConsumer(options: RunOptions): Promise<Consumer> {
  const { db, settings, wakeup, log } = options;
  const cursors = db.collection<Cursor>(CURSOR_COLLECTION);
  let cursor = await loadCursor(db, settings);
  let stopping = false;

  const save = async (next: Cursor) => {
    await cursors.updateOne({ _id: settings.durable }, { $set: { acked: next.acked, failing: next.failing } });
    cursor = next;
  };

  const deadLetter = async (seq: number, letter: DeadLetter) => {
    await insertIfAbsent(db.collection<DeadLetterDocument>(DEAD_LETTER_COLLECTION), { _id: `${settings.durable}:${seq}`, seq, ...letter });
    log.warn({ reason: letter.reason, deliveries: letter.deliveries, seq }, "event dead-lettered");
  };

  /** Returns false when stopped before the entry was settled. */
  const settle = async (read: ReadEntry): Promise<boolean> => {
    const seq = read.ok ? read.entry.seq : read.seq;
    const subject = read.ok ? read.entry.subject : "(unreadable)";
    let failures = cursor.failing?.seq === seq ? cursor.failing.failures : 0;
    const facts = () => ({ durable: settings.durable, subject, deliveries: failures + 1, failedAt: new Date().toISOString() });
    const receipt = read.ok ? readMessage(read.entry.payload, options.events) : read;
    if (!receipt.ok) {
      const { ok: _ok, ...letter } = receipt;
      await deadLetter(seq, {
        ...facts(),
        ...("envelope" in letter ? { envelope: letter.envelope } : { raw: letter.raw }),
        reason: letter.reason,
      });
      return true;
    }
    while (!stopping) {
      try {
        await options.handler(receipt.envelope);
        return true;
      } catch (error) {
        const reason = errorText(error);
        if (failures + 1 >= settings.maxDeliver) {
          await deadLetter(seq, { ...facts(), reason, envelope: receipt.envelope });
          return true;
        }
        failures += 1;
        await save({ ...cursor, failing: { seq, failures } });
        log.info({ eventId: receipt.envelope.id, deliveries: failures, reason }, "handler failed; will retry");
        await wakeup.sleep(backoffDelay(settings.backoff, failures));
      }
    }
    return false;
  };

  /** Settles one batch; entries of other subjects only move the cursor. */
  const deliverBatch = async (batch: ReadEntry[]) => {
    let skippedTo = 0;
    for (const read of batch) {
      if (stopping) break;
      const seq = read.ok ? read.entry.seq : read.seq;
      if (read.ok && !subjectMatches(settings.subject, read.entry.subject)) {
        skippedTo = seq;
        continue;
      }
      if (!(await settle(read))) break;
      await save({ ...cursor, acked: seq, failing: null });
    }
    if (skippedTo > cursor.acked) await save({ ...cursor, acked: skippedTo });
  };

  const loop = (async () => {
    while (!stopping) {
      try {
        const batch = await readLogAfter(db, cursor.acked, BATCH);
        if (batch.length === 0) await wakeup.next();
        else await deliverBatch(batch);
      } catch (error) {
        log.error({ err: error }, "embedded consumer could not read or settle; retrying");
        await wakeup.sleep(RETRY_AFTER_ERROR_MS);
      }
    }
  })();

  return {
    async stop() {
      stopping = true;
      wakeup.interrupt();
      await loop;
    },
  };
}
