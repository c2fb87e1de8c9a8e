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
 * `version` is the event's aggregateversion. Each field is one conditional single-document upsert, so concurrent
 * applies are safe: an upsert that loses the race to create the record (duplicate `_id`) is retried as a plain
 * conditional update of the record the other one created.
 */
export async function applyNewerFields<Fields extends object>(
  collection: Collection<ReadModelDocument<Fields>>,
  id: string,
  version: number,
  changes: FieldChanges<Fields>,
): Promise<void> {
  for (const [field, value] of Object.entries(changes) as [string, unknown][]) {
    if (value === undefined) continue;
    if (!PLAIN_FIELD.test(field) || field === FIELD_VERSIONS || field === RECORD_VERSION) {
      throw new Error(`read model field ${field} cannot carry its own version`);
    }
    const versionPath = `${FIELD_VERSIONS}.${field}`;
    const olderThanEvent = {
      _id: id,
      $or: [{ [versionPath]: { $lt: version } }, { [versionPath]: { $exists: false }, [RECORD_VERSION]: { $not: { $gte: version } } }],
    } as Filter<ReadModelDocument<Fields>>;
    const update = (
      value === null ? { $unset: { [field]: "" }, $set: { [versionPath]: version } } : { $set: { [field]: value, [versionPath]: version } }
    ) as UpdateFilter<ReadModelDocument<Fields>>;
    await upsertOrUpdate(collection, olderThanEvent, update);
  }
}

async function upsertOrUpdate<T extends Document>(collection: Collection<T>, filter: Filter<T>, update: UpdateFilter<T>): Promise<void> {
  try {
    await collection.updateOne(filter, update, { upsert: true });
  } catch (error) {
    if (!isDuplicateKeyError(error)) throw error;
    // The record exists: either its field is already as new as this event (no match), or another apply created it
    // between our look and our insert. A plain conditional update is right in both cases.
    await collection.updateOne(filter, update);
  }
}
