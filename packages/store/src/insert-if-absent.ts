import { isDuplicateKeyError, type Collection, type Document, type OptionalUnlessRequiredId } from "./collection";

/**
 * Inserts `doc` unless a document with the same unique key (its `_id` or a unique index) exists: true when this call
 * inserted it, false when it was already there. Any other failure rejects. The way to write "at most once" records —
 * a delivery per (event, recipient), a processed-event marker, a read model's first sight — without a read first.
 */
export async function insertIfAbsent<T extends Document>(
  collection: Collection<T>,
  doc: NoInfer<OptionalUnlessRequiredId<T>>,
): Promise<boolean> {
  try {
    await collection.insertOne(doc);
    return true;
  } catch (error) {
    if (isDuplicateKeyError(error)) return false;
    throw error;
  }
}
