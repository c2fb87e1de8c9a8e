import { isDuplicateKeyError, type Collection, type Document, type Filter, type UpdateFilter } from "./collection";

/** Where a read-model document keeps, per field, the version of the event that last set or removed it. */
export const FIELD_VERSIONS = "versions";
/** Records written before per-field versions carry one version for all their fields; a field without its own falls back to it. */
export const RECORD_VERSION = "version";

/** What one event says about a record: a value sets the field, `null` removes it, absent (or undefined) leaves it alone. */
export type FieldChanges<Fields extends object> = { [Field in keyof Fields]?: Fields[Field] | null | undefined };

/**
 * A copy of another service's record: each field is optional (an event that sets it may not have arrived yet), and
 * `versions` holds the version of the event that last wrote each field.
 */
export type ReadModelDocument<Fields extends object> = { _id: string } & Partial<Fields> & {
    versions?: Partial<Record<keyof Fields & string, number>>;
    version?: number;
  };

const PLAIN_FIELD = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * Applies an event's field changes to a read model (a copy of another service's data): each field only if the
 * event is newer than the one that last wrote that field, creating the record on first sight. Events may arrive
 * in any order, twice, or late: the record ends up as the newest event per field says, whatever the order.
 *
 * `version` is the event's aggregateversion. When every field is older than the event (the usual case: events in
 * order) the whole change is one conditional single-document upsert, so readers never see half an event;
 * otherwise each field is its own conditional upsert. Concurrent applies are safe: an upsert that loses the race to
 * create the record (duplicate `_id`) is retried as a plain conditional update of the record the other one created.
 */
export async function applyNewerFields<Fields extends object>(
  collection: Collection<ReadModelDocument<Fields>>,
  id: string,
  version: number,
  changes: FieldChanges<Fields>,
): Promise<void> {
  const entries = (Object.entries(changes) as [string, unknown][]).filter(([, value]) => value !== undefined);
  for (const [field] of entries) {
    if (!PLAIN_FIELD.test(field) || field === FIELD_VERSIONS || field === RECORD_VERSION) {
      throw new Error(`read model field ${field} cannot carry its own version`);
    }
  }
  if (entries.length === 0) return;
  const everyFieldOlder = { _id: id, $and: entries.map(([field]) => olderThan(field, version)) } as Filter<ReadModelDocument<Fields>>;
  if (await upsertOrUpdate(collection, everyFieldOlder, updateOf(entries, version))) return;
  for (const entry of entries) {
    const fieldOlder = { _id: id, ...olderThan(entry[0], version) } as Filter<ReadModelDocument<Fields>>;
    await upsertOrUpdate(collection, fieldOlder, updateOf([entry], version));
  }
}

/** The field was last written by an event older than `version`, or never (a record from before per-field versions: by its one version). */
function olderThan(field: string, version: number): Document {
  const versionPath = `${FIELD_VERSIONS}.${field}`;
  return {
    $or: [{ [versionPath]: { $lt: version } }, { [versionPath]: { $exists: false }, [RECORD_VERSION]: { $not: { $gte: version } } }],
  };
}

function updateOf<T extends Document>(entries: [string, unknown][], version: number): UpdateFilter<T> {
  const set: Document = {};
  const unset: Document = {};
  for (const [field, value] of entries) {
    if (value === null) unset[field] = "";
    else set[field] = value;
    set[`${FIELD_VERSIONS}.${field}`] = version;
  }
  return (Object.keys(unset).length > 0 ? { $set: set, $unset: unset } : { $set: set }) as UpdateFilter<T>;
}

/** True when the record matched (and took the update) or was created by it. */
async function upsertOrUpdate<T extends Document>(collection: Collection<T>, filter: Filter<T>, update: UpdateFilter<T>): Promise<boolean> {
  try {
    const result = await collection.updateOne(filter, update, { upsert: true });
    return result.matchedCount === 1 || result.upsertedCount === 1;
  } catch (error) {
    if (!isDuplicateKeyError(error)) throw error;
    // The record exists: either some field is already as new as this event (no match), or another apply created it
    // between our look and our insert. A plain conditional update is right in both cases.
    return (await collection.updateOne(filter, update)).matchedCount === 1;
  }
}
