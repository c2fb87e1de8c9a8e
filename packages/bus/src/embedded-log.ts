import { randomUUID } from "node:crypto";
import { z } from "zod";
import type { Database } from "@lienthong/store/collection";
import { insertIfAbsent } from "@lienthong/store/insert-if-absent";

/** One published message; `_id` is the event id, so a second publish of the same event is refused by the store. */
export interface LogEntry {
  _id: string;
  seq: number;
  subject: string;
  /** The message exactly as published (JSON text), parsed again on every delivery. */
  payload: string;
  publishedAt: string;
}

export const LOG_COLLECTION = "bus_log";

const logEntrySchema = z.object({
  _id: z.string(),
  seq: z.number().int().positive(),
  subject: z.string(),
  payload: z.string(),
  publishedAt: z.string(),
});

export async function prepareLog(db: Database): Promise<void> {
  await db.collection<LogEntry>(LOG_COLLECTION).createIndex({ seq: 1 }, { unique: true, name: "seq_unique" });
}

async function lastSeq(db: Database): Promise<number> {
  const [last] = await db
    .collection<LogEntry>(LOG_COLLECTION)
    .find({}, { sort: { seq: -1 }, limit: 1, projection: { seq: 1 } })
    .toArray();
  return last?.seq ?? 0;
}

/**
 * Appends a message after the last one. Returns false when `id` is already in the log (a duplicate publish).
 * Sequence numbers must be taken in commit order, so callers in one process serialise appends.
 */
export async function appendToLog(db: Database, entry: { id?: string; subject: string; payload: string }): Promise<boolean> {
  const log = db.collection<LogEntry>(LOG_COLLECTION);
  const id = entry.id ?? `raw-${randomUUID()}`;
  for (let attempt = 0; attempt < 5; attempt += 1) {
    const seq = (await lastSeq(db)) + 1;
    if (
      await insertIfAbsent(log, { _id: id, seq, subject: entry.subject, payload: entry.payload, publishedAt: new Date().toISOString() })
    ) {
      return true;
    }
    if ((await log.findOne({ _id: id }, { projection: { _id: 1 } })) !== null) return false;
    // Another writer took this sequence number first: read the new last one and try again.
  }
  throw new Error(`could not append to ${LOG_COLLECTION}: sequence kept colliding with another writer`);
}

export type ReadEntry = { ok: true; entry: LogEntry } | { ok: false; seq: number; reason: string; raw: string };

/** Entries after `seq` in order, each parsed at the storage boundary. */
export async function readLogAfter(db: Database, seq: number, limit: number): Promise<ReadEntry[]> {
  const documents = await db
    .collection(LOG_COLLECTION)
    .find({ seq: { $gt: seq } }, { sort: { seq: 1 }, limit })
    .toArray();
  return documents.map((document) => {
    const parsed = logEntrySchema.safeParse(document);
    if (parsed.success) return { ok: true, entry: parsed.data };
    const problems = parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`).join("; ");
    return {
      ok: false,
      seq: typeof document.seq === "number" ? document.seq : seq,
      reason: `log entry: ${problems}`,
      raw: JSON.stringify(document),
    };
  });
}
