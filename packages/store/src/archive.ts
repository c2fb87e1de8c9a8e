import { describeIssues, envelopeSchema, type Envelope } from "@lienthong/contracts/envelope";
import { isDuplicateKeyError, type Collection, type Database } from "./collection";

/** The service's event log: every relayed envelope, `_id` = event id. */
export const ARCHIVE_COLLECTION = "events";

export type ArchivedEvent = Envelope & { _id: string };

const indexReady = new WeakMap<Database, Promise<string>>();

function archiveOf(db: Database): { events: Collection<ArchivedEvent>; ready: Promise<string> } {
  const events = db.collection<ArchivedEvent>(ARCHIVE_COLLECTION);
  let ready = indexReady.get(db);
  if (!ready) {
    ready = events.createIndex({ subject: 1, aggregateversion: 1 }).catch((error: unknown) => {
      indexReady.delete(db);
      throw error;
    });
    indexReady.set(db, ready);
  }
  return { events, ready };
}

/** Idempotent: an event already archived (same id) is kept once, so a relay may archive the same event again after a crash. */
export async function archiveEvents(db: Database, envelopes: readonly Envelope[]): Promise<void> {
  if (envelopes.length === 0) return;
  const { events, ready } = archiveOf(db);
  await ready;
  try {
    await events.insertMany(
      envelopes.map((envelope) => ({ ...envelope, _id: envelope.id })),
      { ordered: false },
    );
  } catch (error) {
    if (!onlyDuplicates(error)) throw error;
  }
}

/** Every archived event of one aggregate, in version order, parsed at the storage boundary. */
export async function history(db: Database, aggregateId: string): Promise<Envelope[]> {
  const { events, ready } = archiveOf(db);
  await ready;
  const stored = await events.find({ subject: aggregateId }, { sort: { aggregateversion: 1 }, projection: { _id: 0 } }).toArray();
  return stored.map((doc) => {
    const parsed = envelopeSchema.safeParse(doc);
    if (!parsed.success)
      throw new Error(`archived event ${String(doc.id)} of ${aggregateId} is malformed: ${describeIssues(parsed.error)}`);
    return parsed.data as Envelope;
  });
}

/** Rebuilds an aggregate as it stood at `at` from its archived events with `time <= at`; version 0 if none. */
export async function stateAsOf<State>(
  db: Database,
  aggregateId: string,
  at: Date,
  evolve: (state: State, event: Envelope) => State,
  initial: State,
): Promise<{ state: State; version: number }> {
  const until = at.getTime();
  const events = (await history(db, aggregateId)).filter((event) => Date.parse(event.time) <= until);
  return { state: events.reduce(evolve, initial), version: events.at(-1)?.aggregateversion ?? 0 };
}

function onlyDuplicates(error: unknown): boolean {
  const writeErrors = (error as { writeErrors?: unknown }).writeErrors;
  if (writeErrors === undefined) return isDuplicateKeyError(error);
  return [writeErrors].flat().every((writeError) => isDuplicateKeyError(writeError));
}
