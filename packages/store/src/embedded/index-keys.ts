import { ObjectId } from "mongodb";
import { encodeValue, isPlainObject } from "./values";

/** Types an index can answer range lookups for; mingo compares only values of the same type. */
export type RangeType = "number" | "string" | "date";

/** A canonical string per value, equal exactly when mingo's equality says the scalars are equal. */
export function keyOf(value: unknown): string {
  if (value === null || value === undefined) return "null";
  switch (typeof value) {
    case "number":
      return `n:${value}`;
    case "string":
      return `s:${value}`;
    case "boolean":
      return `b:${value}`;
  }
  if (value instanceof Date) return `d:${value.getTime()}`;
  if (value instanceof ObjectId) return `o:${value.toHexString()}`;
  if (Array.isArray(value) && value.length === 0) return "a:[]";
  return `j:${JSON.stringify(encodeValue(value))}`;
}

/** Values an equality or `$in` lookup may use an index for. */
export function isLookupScalar(value: unknown): boolean {
  return (
    typeof value === "string" ||
    typeof value === "boolean" ||
    (typeof value === "number" && !Number.isNaN(value)) ||
    value instanceof Date ||
    value instanceof ObjectId
  );
}

export function rangeTypeOf(value: unknown): RangeType | null {
  if (typeof value === "number") return Number.isNaN(value) ? null : "number";
  if (typeof value === "string") return "string";
  if (value instanceof Date) return "date";
  return null;
}

export function rangeValueOf(value: unknown): number | string {
  return value instanceof Date ? value.getTime() : (value as number | string);
}

/**
 * Every value a document holds at a dotted path, walking through arrays the way MongoDB's
 * multikey indexes do (each element, nested arrays flattened). A missing field yields null.
 */
export function valuesAtPath(doc: unknown, path: string): { values: unknown[]; sawArray: boolean } {
  const state = { values: [] as unknown[], sawArray: false };
  collect(doc, path.split("."), 0, state);
  return state;
}

function collect(value: unknown, segments: string[], depth: number, state: { values: unknown[]; sawArray: boolean }): void {
  if (depth === segments.length) {
    if (Array.isArray(value)) {
      state.sawArray = true;
      if (value.length === 0) state.values.push(value);
      else for (const item of value.flat(Infinity)) state.values.push(item);
    } else {
      state.values.push(value ?? null);
    }
    return;
  }
  const segment = segments[depth] as string;
  if (Array.isArray(value)) {
    state.sawArray = true;
    for (const item of value) collect(item, segments, depth, state);
    if (/^\d+$/.test(segment)) collect(value[Number(segment)], segments, depth + 1, state);
    return;
  }
  if (isPlainObject(value) && segment in value) {
    collect(value[segment], segments, depth + 1, state);
    return;
  }
  state.values.push(null);
}
