import { describeIssues, envelopeSchema, type Envelope } from "@lienthong/contracts/envelope";
import { z } from "zod";
import { isDuplicateKeyError, type Collection, type Database, type Document } from "./collection";

/**
 * Stored shape of an aggregate: its state fields at the top level, `version` = number of events it
 * has emitted, and `_outbox` = events written with the state and not yet relayed.
 */
// A type alias, not an interface: the driver's update typings reject `$push` on types with an index signature.
export type AggregateDocument = { _id: string; version: number; _outbox: Envelope[] };

export interface Loaded<State> {
  state: State;
  version: number;
}

export type Decision<State, E> = { ok: true; state: State; events: Envelope[] } | { ok: false; error: E };

export type ExecuteResult<State, E> =
  { ok: true; state: State; version: number; events: Envelope[] } | { ok: false; error: E | ConflictError };

/** The aggregate kept changing under us: every attempt lost the compare-and-set. Safe to retry later. The message is for users (Vietnamese). */
export class ConflictError extends Error {
  readonly code = "CONFLICT";

  constructor(
    readonly aggregateId: string,
    readonly attempts: number,
  ) {
    super(`Dữ liệu ${aggregateId} vừa bị thay đổi đồng thời ${attempts} lần liên tiếp; vui lòng thử lại.`);
    this.name = "ConflictError";
  }
}

export interface RepositoryOptions<State> {
  db: Database;
  collection: string;
  /** Storage boundary: receives the document without `_outbox` (`_id`, `version` and state fields) and returns the state, e.g. a zod parse. */
  parse: (doc: Document) => State;
  /** Total attempts before giving up with ConflictError (default 5). */
  maxAttempts?: number;
  /** Called after each successful write, e.g. to relay the outbox at once. Errors are ignored: the periodic relay sweep still finds the events. */
  afterSave?: (aggregateId: string) => void;
}

export interface Repository<State> {
  readonly collection: Collection<AggregateDocument>;
  load(id: string): Promise<Loaded<State> | null>;
  /**
   * Runs `attempt` against the current state and writes its decision atomically: state, version and
   * outbox events in ONE single-document write (insertOne for a new aggregate, otherwise
   * updateOne guarded by the version read). On a version conflict it reloads and calls `attempt`
   * again. `attempt` receives the current version (0 for a new aggregate): event i of the decision
   * must carry `aggregateversion = version + i + 1`, and `subject` = the aggregate id.
   */
  execute<E>(
    id: string,
    attempt: (current: Loaded<State> | null) => Decision<State, E> | Promise<Decision<State, E>>,
  ): Promise<ExecuteResult<State, E>>;
}

const RESERVED_FIELDS = new Set(["_id", "version", "_outbox"]);
const storedMetaSchema = z.object({ _id: z.string(), version: z.number().int().nonnegative() });

export function createRepository<State extends object>(options: RepositoryOptions<State>): Repository<State> {
  const collection = options.db.collection<AggregateDocument>(options.collection);
  const maxAttempts = options.maxAttempts ?? 5;

  async function loadStored(id: string): Promise<(Loaded<State> & { fields: string[] }) | null> {
    const doc = await collection.findOne({ _id: id }, { projection: { _outbox: 0 } });
    if (!doc) return null;
    const meta = storedMetaSchema.safeParse(doc);
    if (!meta.success) throw new Error(`aggregate ${id} in ${options.collection} is malformed: ${describeIssues(meta.error)}`);
    const state = options.parse(doc);
    // The parsed state's fields, not the document's: a field the parse dropped was never read, so it is not ours to erase.
    return { state, version: meta.data.version, fields: Object.keys(stateFields(state)) };
  }

  async function write(
    id: string,
    current: (Loaded<State> & { fields: string[] }) | null,
    state: State,
    events: Envelope[],
  ): Promise<boolean> {
    const fields = stateFields(state);
    const expected = current?.version ?? 0;
    const version = expected + events.length;
    if (!current) {
      try {
        await collection.insertOne({ _id: id, ...fields, version, _outbox: events });
        return true;
      } catch (error) {
        if (isDuplicateIdError(error)) return false;
        throw error;
      }
    }
    const removed = current.fields.filter((field) => !(field in fields));
    const result = await collection.updateOne(
      { _id: id, version: expected },
      {
        $set: { ...fields, version },
        $push: { _outbox: { $each: events } },
        ...(removed.length > 0 ? { $unset: Object.fromEntries(removed.map((field) => [field, ""])) } : {}),
      },
    );
    return result.matchedCount === 1;
  }

  return {
    collection,
    load: async (id) => {
      const loaded = await loadStored(id);
      return loaded ? { state: loaded.state, version: loaded.version } : null;
    },
    async execute(id, attempt) {
      for (let attempts = 1; attempts <= maxAttempts; attempts++) {
        const current = await loadStored(id);
        const decision = await attempt(current ? { state: current.state, version: current.version } : null);
        if (!decision.ok) return decision;
        const expected = current?.version ?? 0;
        if (decision.events.length === 0) return { ok: true, state: decision.state, version: expected, events: [] };
        assertEventsFit(id, expected, decision.events);
        if (await write(id, current, decision.state, decision.events)) {
          notifySaved(options.afterSave, id);
          return { ok: true, state: decision.state, version: expected + decision.events.length, events: decision.events };
        }
      }
      return { ok: false, error: new ConflictError(id, maxAttempts) };
    },
  };
}

/** State fields to store: reserved names are the repository's; undefined fields are left out (and unset if the previous state had them). */
function stateFields(state: object): Document {
  return Object.fromEntries(Object.entries(state).filter(([field, value]) => !RESERVED_FIELDS.has(field) && value !== undefined));
}

function assertEventsFit(id: string, expected: number, events: Envelope[]): void {
  events.forEach((event, index) => {
    const parsed = envelopeSchema.safeParse(event);
    if (!parsed.success) throw new Error(`event ${index} for aggregate ${id} is not a valid envelope: ${describeIssues(parsed.error)}`);
    if (event.subject !== id)
      throw new Error(`event ${index} (${event.type}) has subject ${event.subject}, expected the aggregate id ${id}`);
    if (event.aggregateversion !== expected + index + 1) {
      throw new Error(
        `event ${index} (${event.type}) for aggregate ${id} has aggregateversion ${event.aggregateversion}, expected ${expected + index + 1}: ` +
          "number events from the version passed to the attempt callback",
      );
    }
  });
}

/** A duplicate on `_id` means someone created the aggregate first; a duplicate on another unique index is the caller's error. */
function isDuplicateIdError(error: unknown): boolean {
  if (!isDuplicateKeyError(error)) return false;
  const keyPattern = (error as { keyPattern?: Record<string, unknown> }).keyPattern;
  if (keyPattern) return Object.keys(keyPattern).length === 1 && "_id" in keyPattern;
  return /index: _id_ /.test((error as Error).message);
}

function notifySaved(afterSave: ((aggregateId: string) => void) | undefined, id: string): void {
  try {
    afterSave?.(id);
  } catch {
    // The write is committed; the relay's periodic sweep will pick the events up anyway.
  }
}
