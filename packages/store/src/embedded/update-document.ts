import { update as mingoUpdate } from "mingo";
import { ObjectId } from "mongodb";
import type { Document } from "../collection";
import { MINGO_OPTIONS } from "./collection-engine";
import { StoreWriteError } from "./errors";
import { cloneStored, isPlainObject, toStoredDocument } from "./values";

const UPDATE_OPERATORS = new Set([
  "$set",
  "$unset",
  "$inc",
  "$mul",
  "$min",
  "$max",
  "$rename",
  "$currentDate",
  "$push",
  "$addToSet",
  "$pull",
  "$pullAll",
  "$pop",
  "$bit",
  "$setOnInsert",
]);

/** Same refusal as the driver: updateOne/updateMany/findOneAndUpdate take operator documents only. */
export function assertUpdateDocument(update: unknown): asserts update is Document {
  if (!isPlainObject(update))
    throw new StoreWriteError(
      9,
      "FailedToParse",
      "Update document must be an object of update operators (pipelines are not supported here)",
    );
  const operators = Object.keys(update);
  if (operators.length === 0 || operators.some((key) => !key.startsWith("$"))) {
    throw new StoreWriteError(9, "FailedToParse", "Update document requires atomic operators");
  }
  for (const operator of operators) {
    if (!UPDATE_OPERATORS.has(operator)) throw new StoreWriteError(9, "FailedToParse", `Unknown modifier: ${operator}`);
  }
}

/** Applies an update to a copy of a stored document; `$setOnInsert` only counts for inserts. */
export function applyUpdate(
  doc: Document,
  update: Document,
  filter: Document,
  arrayFilters?: Document[],
): { doc: Document; modified: boolean } {
  const { $setOnInsert: _onInsertOnly, ...operators } = update;
  const working = cloneStored(doc);
  const changed = Object.keys(operators).length > 0 ? runUpdate(working, operators, arrayFilters, filter) : [];
  return { doc: toStoredDocument(working), modified: changed.length > 0 };
}

/** mingo's update, with its refusals turned into driver-shaped errors (code 66 for a changed `_id`). */
function runUpdate(target: Document, operators: Document, arrayFilters?: Document[], filter?: Document): string[] {
  try {
    return mingoUpdate(target, operators, arrayFilters, filter, { cloneMode: "deep", queryOptions: MINGO_OPTIONS });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (/immutable field '_id'/.test(message)) throw new StoreWriteError(66, "ImmutableField", message);
    throw new StoreWriteError(2, "BadValue", message);
  }
}

/**
 * The document an upsert inserts, as MongoDB builds it: equality fields of the filter (top level
 * and inside `$and`), then the update operators, then `$setOnInsert`; `_id` first, generated if absent.
 */
export function buildUpsertDocument(filter: Document, update: Document, arrayFilters?: Document[]): Document {
  const seed: Document = {};
  seedFromFilter(filter, seed);
  const { $setOnInsert: onInsert, ...operators } = update;
  if (Object.keys(operators).length > 0) runUpdate(seed, operators, arrayFilters);
  if (isPlainObject(onInsert)) runUpdate(seed, { $set: onInsert });
  const { _id, ...fields } = seed;
  return toStoredDocument({ _id: _id ?? new ObjectId(), ...fields });
}

function seedFromFilter(filter: Document, seed: Document): void {
  for (const [field, condition] of Object.entries(filter)) {
    if (field === "$and" && Array.isArray(condition)) {
      for (const clause of condition) if (isPlainObject(clause)) seedFromFilter(clause, seed);
    } else if (field.startsWith("$") || condition instanceof RegExp) {
      continue;
    } else if (isOperatorObject(condition)) {
      if ("$eq" in condition) setPath(seed, field, cloneStored(condition.$eq));
    } else {
      setPath(seed, field, cloneStored(condition));
    }
  }
}

function isOperatorObject(value: unknown): value is Record<string, unknown> {
  if (!isPlainObject(value)) return false;
  const keys = Object.keys(value);
  return keys.length > 0 && keys.every((key) => key.startsWith("$"));
}

function setPath(target: Document, path: string, value: unknown): void {
  const segments = path.split(".");
  let node: Record<string, unknown> = target;
  for (const segment of segments.slice(0, -1)) {
    const next = node[segment];
    if (!isPlainObject(next)) node[segment] = {};
    node = node[segment] as Record<string, unknown>;
  }
  node[segments[segments.length - 1] as string] = value;
}
