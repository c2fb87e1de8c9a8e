import type { Document } from "../collection";
import { isLookupScalar, rangeTypeOf, rangeValueOf } from "./index-keys";
import type { SecondaryIndex } from "./secondary-index";
import type { Bound } from "./sorted-keys";
import { isPlainObject } from "./values";

/** Ids of every document that may match (a superset: the full filter still runs on each). */
export interface IndexPlan {
  index: string;
  ids: ReadonlySet<string>;
}

const RANGE_OPERATORS = ["$gt", "$gte", "$lt", "$lte"] as const;

/**
 * Picks the narrowest index lookup a filter allows: equality, `$in` or a range on the first field
 * of an index, inside `$and`, or a union over `$or` branches that all have one. Null means scan.
 */
export function planQuery(filter: Document, indexes: readonly SecondaryIndex[]): IndexPlan | null {
  let best: IndexPlan | null = null;
  const consider = (plan: IndexPlan | null): void => {
    if (plan && (!best || plan.ids.size < best.ids.size)) best = plan;
  };
  for (const [field, condition] of Object.entries(filter)) {
    if (field === "$and" && Array.isArray(condition)) {
      for (const clause of condition) if (isPlainObject(clause)) consider(planQuery(clause, indexes));
    } else if (field === "$or" && Array.isArray(condition)) {
      consider(planUnion(condition, indexes));
    } else if (!field.startsWith("$")) {
      const index = indexes.find((candidate) => candidate.firstField === field);
      const ids = index ? lookup(index, condition) : null;
      if (index && ids) consider({ index: index.definition.name, ids });
    }
  }
  return best;
}

function planUnion(branches: unknown[], indexes: readonly SecondaryIndex[]): IndexPlan | null {
  const ids = new Set<string>();
  const names = new Set<string>();
  for (const branch of branches) {
    const plan = isPlainObject(branch) ? planQuery(branch, indexes) : null;
    if (!plan) return null;
    names.add(plan.index);
    for (const id of plan.ids) ids.add(id);
  }
  return { index: [...names].join("+"), ids };
}

function lookup(index: SecondaryIndex, condition: unknown): ReadonlySet<string> | null {
  if (isLookupScalar(condition)) return index.lookupEqual(condition);
  if (!isPlainObject(condition) || !Object.keys(condition).every((key) => key.startsWith("$"))) return null;
  if ("$eq" in condition && isLookupScalar(condition.$eq)) return index.lookupEqual(condition.$eq);
  const values = condition.$in;
  if (Array.isArray(values) && values.every(isLookupScalar)) {
    const ids = new Set<string>();
    for (const value of values) for (const id of index.lookupEqual(value)) ids.add(id);
    return ids;
  }
  return lookupRange(index, condition);
}

function lookupRange(index: SecondaryIndex, condition: Record<string, unknown>): ReadonlySet<string> | null {
  const bounds = RANGE_OPERATORS.filter((op) => op in condition && rangeTypeOf(condition[op]) !== null);
  const firstOperator = bounds[0];
  if (!firstOperator) return null;
  const type = rangeTypeOf(condition[firstOperator]);
  if (!type) return null;
  // On an array field each operator may be satisfied by a different element, so bounds cannot be intersected.
  const usable = index.multikey ? [firstOperator] : bounds.filter((op) => rangeTypeOf(condition[op]) === type);
  let lower: Bound | undefined;
  let upper: Bound | undefined;
  for (const op of usable) {
    const bound: Bound = { value: rangeValueOf(condition[op]), inclusive: op === "$gte" || op === "$lte" };
    if (op === "$gt" || op === "$gte") lower = tighter(lower, bound, 1);
    else upper = tighter(upper, bound, -1);
  }
  return index.lookupRange(type, lower, upper);
}

/** The more restrictive of two bounds; direction 1 for lower bounds, -1 for upper bounds. */
function tighter(current: Bound | undefined, next: Bound, direction: 1 | -1): Bound {
  if (!current) return next;
  if (current.value === next.value) return current.inclusive ? next : current;
  return (next.value > current.value) === (direction === 1) ? next : current;
}
