import type { Document } from "../collection";
import { choosePath, KeysPath, NarrowestPath, RangePath, UnionPath, type AccessPath, type Candidates } from "./access-paths";
import { isLookupScalar, rangeTypeOf, rangeValueOf } from "./index-keys";
import type { KeyRange, KeyReads, SecondaryIndex } from "./secondary-index";
import type { Bound } from "./sorted-keys";
import { isPlainObject } from "./values";

/** The candidates of the index lookup chosen, and how many index keys planning and fetching read. */
export interface IndexPlan extends Candidates {
  keysExamined: number;
}

const RANGE_OPERATORS = ["$gt", "$gte", "$lt", "$lte"] as const;

/**
 * Picks the narrowest index lookup a filter allows: equality, `$in` or a range on the first field
 * of an index, inside `$and`, or a union over `$or` branches that all have one. Sizes are counted
 * first (ranges only as far as they can still win); only the chosen lookup collects ids.
 * Null means scan.
 */
export function planQuery(filter: Document, indexes: readonly SecondaryIndex[]): IndexPlan | null {
  const reads: KeyReads = { keys: 0 };
  const paths = pathsFor(filter, indexes, reads);
  // A lone path needs no sizing: fetching it directly spares a second walk of its range.
  const chosen = paths.length === 1 ? paths[0] : choosePath(paths, Infinity)?.path;
  if (!chosen) return null;
  return { ...chosen.candidates(), keysExamined: reads.keys };
}

function pathsFor(filter: Document, indexes: readonly SecondaryIndex[], reads: KeyReads): AccessPath[] {
  const paths: AccessPath[] = [];
  for (const [field, condition] of Object.entries(filter)) {
    if (field === "$and" && Array.isArray(condition)) {
      for (const clause of condition) {
        const narrowing = isPlainObject(clause) ? narrowest(pathsFor(clause, indexes, reads)) : null;
        if (narrowing) paths.push(narrowing);
      }
    } else if (field === "$or" && Array.isArray(condition)) {
      const branches = condition.map((branch) => (isPlainObject(branch) ? narrowest(pathsFor(branch, indexes, reads)) : null));
      if (branches.length > 0 && branches.every((branch) => branch !== null)) paths.push(new UnionPath(branches));
    } else if (!field.startsWith("$")) {
      const index = indexes.find((candidate) => candidate.firstField === field);
      const path = index ? fieldPath(index, condition, reads) : null;
      if (path) paths.push(path);
    }
  }
  return paths;
}

function narrowest(paths: AccessPath[]): AccessPath | null {
  if (paths.length <= 1) return paths[0] ?? null;
  return new NarrowestPath(paths);
}

function fieldPath(index: SecondaryIndex, condition: unknown, reads: KeyReads): AccessPath | null {
  if (isLookupScalar(condition)) return new KeysPath(index, [condition], reads);
  if (!isPlainObject(condition) || !Object.keys(condition).every((key) => key.startsWith("$"))) return null;
  if ("$eq" in condition && isLookupScalar(condition.$eq)) return new KeysPath(index, [condition.$eq], reads);
  const values = condition.$in;
  if (Array.isArray(values) && values.every(isLookupScalar)) return new KeysPath(index, values, reads);
  const range = rangeFor(index, condition);
  return range ? new RangePath(index, range, reads) : null;
}

function rangeFor(index: SecondaryIndex, condition: Record<string, unknown>): KeyRange | null {
  const bounds = RANGE_OPERATORS.filter((op) => op in condition && rangeTypeOf(condition[op]) !== null);
  const firstOperator = bounds[0];
  if (!firstOperator) return null;
  const type = rangeTypeOf(condition[firstOperator]);
  if (!type) return null;
  // On an array field each operator may be satisfied by a different element, so bounds cannot be intersected.
  const usable = index.multikey ? [firstOperator] : bounds.filter((op) => rangeTypeOf(condition[op]) === type);
  const range: KeyRange = { type };
  for (const op of usable) {
    const bound: Bound = { value: rangeValueOf(condition[op]), inclusive: op === "$gte" || op === "$lte" };
    if (op === "$gt" || op === "$gte") range.lower = tighter(range.lower, bound, 1);
    else range.upper = tighter(range.upper, bound, -1);
  }
  return range;
}

/** The more restrictive of two bounds; direction 1 for lower bounds, -1 for upper bounds. */
function tighter(current: Bound | undefined, next: Bound, direction: 1 | -1): Bound {
  if (!current) return next;
  if (current.value === next.value) return current.inclusive ? next : current;
  return next.value > current.value === (direction === 1) ? next : current;
}
