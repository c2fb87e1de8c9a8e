import { ObjectId } from "mongodb";
import type { Document } from "../collection";

/**
 * Values the embedded engine stores, mirroring what the driver would send as BSON:
 * JSON scalars, arrays, plain objects, Date and ObjectId. `undefined` becomes null (the driver's
 * default), functions are dropped (the driver's default); anything else is refused with its path.
 */
export function toStoredDocument(doc: Document): Document {
  return toStoredValue(doc, "") as Document;
}

function toStoredValue(value: unknown, path: string): unknown {
  if (value === undefined || value === null) return null;
  switch (typeof value) {
    case "string":
    case "number":
    case "boolean":
      return value;
    case "object":
      break;
    default:
      throw new TypeError(`cannot store a ${typeof value} at '${path || "(document)"}'`);
  }
  if (value instanceof Date) return new Date(value.getTime());
  if (value instanceof ObjectId) return value;
  if (Array.isArray(value)) return value.map((item, index) => toStoredValue(item, join(path, String(index))));
  if (!isPlainObject(value)) {
    const kind = (value as object).constructor?.name ?? "object";
    throw new TypeError(
      `cannot store a ${kind} at '${path || "(document)"}': use plain objects, arrays, strings, numbers, booleans, null, Date or ObjectId`,
    );
  }
  const result: Document = {};
  for (const [key, item] of Object.entries(value)) {
    if (typeof item === "function") continue;
    // "$date", "$oid"… are how the journal encodes types: a stored field with such a name would be read back as
    // something else, so field names starting with "$" are refused, as MongoDB refuses them in documents.
    if (key.startsWith("$")) throw new TypeError(`field name '${join(path, key)}' must not start with '$'`);
    result[key] = toStoredValue(item, join(path, key));
  }
  return result;
}

/** Deep copy of a stored value: callers may mutate what they get without touching the store. */
export function cloneStored<T>(value: T): T {
  if (value === null || typeof value !== "object") return value;
  if (value instanceof Date) return new Date(value.getTime()) as T;
  if (value instanceof ObjectId) return value;
  if (Array.isArray(value)) return value.map((item) => cloneStored(item)) as T;
  const result: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) result[key] = cloneStored(item);
  return result as T;
}

/** Journal encoding: extended-JSON markers for the types JSON cannot carry. */
export function encodeValue(value: unknown): unknown {
  if (value === null || typeof value !== "object") {
    if (typeof value === "number" && !Number.isFinite(value)) return { $numberDouble: String(value) };
    return value;
  }
  if (value instanceof Date) return { $date: value.toISOString() };
  if (value instanceof ObjectId) return { $oid: value.toHexString() };
  if (Array.isArray(value)) return value.map(encodeValue);
  const result: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) result[key] = encodeValue(item);
  return result;
}

export function decodeValue(value: unknown): unknown {
  if (value === null || typeof value !== "object") return value;
  if (Array.isArray(value)) return value.map(decodeValue);
  const entries = Object.entries(value);
  if (entries.length === 1) {
    const [key, item] = entries[0] as [string, unknown];
    if (key === "$date" && typeof item === "string") return decodeDate(item);
    if (key === "$oid" && typeof item === "string" && ObjectId.isValid(item)) return new ObjectId(item);
    if (key === "$numberDouble" && typeof item === "string") return Number(item);
  }
  const result: Record<string, unknown> = {};
  for (const [key, item] of entries) result[key] = decodeValue(item);
  return result;
}

function decodeDate(text: string): Date {
  const date = new Date(text);
  if (Number.isNaN(date.getTime())) throw new Error(`invalid date '${text}'`);
  return date;
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== "object") return false;
  const prototype = Object.getPrototypeOf(value) as unknown;
  return prototype === Object.prototype || prototype === null;
}

function join(path: string, key: string): string {
  return path ? `${path}.${key}` : key;
}
