import type { Document, IndexSpec } from "../collection";
import { keyOf, rangeTypeOf, rangeValueOf, valuesAtPath, type RangeType } from "./index-keys";
import { SortedKeys, type Bound } from "./sorted-keys";

export interface IndexDefinition {
  name: string;
  key: IndexSpec;
  unique: boolean;
}

/** Values of one type between optional bounds, as a range lookup reads them. */
export interface KeyRange {
  type: RangeType;
  lower?: Bound;
  upper?: Bound;
}

/** Tally of index keys read while answering one query (each read of a key's entries counts once). */
export interface KeyReads {
  keys: number;
}

const NO_IDS: ReadonlySet<string> = new Set();

/**
 * One declared index. Lookups use its first field (equality, `$in`, ranges); a unique index
 * also maps every full key tuple to the document that owns it.
 */
export class SecondaryIndex {
  readonly fields: string[];
  private readonly idsByKey = new Map<string, Set<string>>();
  private readonly ordered = new Map<RangeType, SortedKeys>();
  private readonly owners = new Map<string, string>();
  private docsWithArrays = 0;

  constructor(readonly definition: IndexDefinition) {
    this.fields = Object.keys(definition.key);
  }

  get firstField(): string {
    return this.fields[0] as string;
  }

  /** True once any document holds an array on the first field: range bounds then may not be intersected. */
  get multikey(): boolean {
    return this.docsWithArrays > 0;
  }

  /** The key values of `doc` that another document already owns in this unique index. */
  findConflict(doc: Document, idKey: string): Document | null {
    if (!this.definition.unique) return null;
    for (const tuple of this.tuples(doc)) {
      const owner = this.owners.get(tuple.key);
      if (owner !== undefined && owner !== idKey) return tuple.keyValue;
    }
    return null;
  }

  add(doc: Document, idKey: string): void {
    const first = valuesAtPath(doc, this.firstField);
    if (first.sawArray) this.docsWithArrays++;
    for (const value of first.values) {
      const key = keyOf(value);
      let ids = this.idsByKey.get(key);
      if (!ids) {
        ids = new Set();
        this.idsByKey.set(key, ids);
        const type = rangeTypeOf(value);
        if (type) this.sortedKeys(type).add(rangeValueOf(value), key);
      }
      ids.add(idKey);
    }
    if (this.definition.unique) for (const tuple of this.tuples(doc)) this.owners.set(tuple.key, idKey);
  }

  remove(doc: Document, idKey: string): void {
    const first = valuesAtPath(doc, this.firstField);
    if (first.sawArray) this.docsWithArrays--;
    for (const value of first.values) {
      const key = keyOf(value);
      const ids = this.idsByKey.get(key);
      if (!ids) continue;
      ids.delete(idKey);
      if (ids.size > 0) continue;
      this.idsByKey.delete(key);
      const type = rangeTypeOf(value);
      if (type) this.ordered.get(type)?.remove(rangeValueOf(value));
    }
    if (this.definition.unique) {
      for (const tuple of this.tuples(doc)) if (this.owners.get(tuple.key) === idKey) this.owners.delete(tuple.key);
    }
  }

  /**
   * True when both versions of a document produce exactly the same entries in this index, so
   * replacing one with the other needs no index maintenance (and cannot break uniqueness here).
   */
  sameEntries(before: Document, after: Document): boolean {
    const fields = this.definition.unique ? this.fields : [this.firstField];
    for (const field of fields) {
      const old = valuesAtPath(before, field);
      const next = valuesAtPath(after, field);
      if (old.sawArray !== next.sawArray || old.values.length !== next.values.length) return false;
      for (const [position, value] of old.values.entries()) if (keyOf(value) !== keyOf(next.values[position])) return false;
    }
    return true;
  }

  lookupEqual(value: unknown): ReadonlySet<string> {
    return this.idsByKey.get(keyOf(value)) ?? NO_IDS;
  }

  lookupRange(range: KeyRange, reads: KeyReads): Set<string> {
    const result = new Set<string>();
    for (const key of this.keysWithin(range)) {
      reads.keys++;
      for (const id of this.idsByKey.get(key) ?? NO_IDS) result.add(id);
    }
    return result;
  }

  /**
   * How many entries the keys within the range hold, exact when at most `limit`; otherwise keys
   * stop being read as soon as the total passes `limit`, so a wide range costs no more than a narrow one.
   */
  countRange(range: KeyRange, limit: number, reads: KeyReads): number {
    let total = 0;
    for (const key of this.keysWithin(range)) {
      reads.keys++;
      total += this.idsByKey.get(key)?.size ?? 0;
      if (total > limit) break;
    }
    return total;
  }

  private keysWithin(range: KeyRange): Iterable<string> {
    return this.ordered.get(range.type)?.between(range.lower, range.upper) ?? [];
  }

  private sortedKeys(type: RangeType): SortedKeys {
    let sorted = this.ordered.get(type);
    if (!sorted) {
      sorted = new SortedKeys();
      this.ordered.set(type, sorted);
    }
    return sorted;
  }

  /** Every combination of the document's values over the index fields (arrays contribute each element). */
  private tuples(doc: Document): Array<{ key: string; keyValue: Document }> {
    let tuples: Array<{ keys: string[]; keyValue: Document }> = [{ keys: [], keyValue: {} }];
    for (const field of this.fields) {
      const distinct = new Map<string, unknown>();
      for (const value of valuesAtPath(doc, field).values) distinct.set(keyOf(value), value);
      const next: typeof tuples = [];
      for (const tuple of tuples) {
        for (const [key, value] of distinct) next.push({ keys: [...tuple.keys, key], keyValue: { ...tuple.keyValue, [field]: value } });
      }
      tuples = next;
    }
    return tuples.map((tuple) => ({ key: JSON.stringify(tuple.keys), keyValue: tuple.keyValue }));
  }
}
