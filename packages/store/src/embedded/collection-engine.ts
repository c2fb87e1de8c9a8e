import { Query } from "mingo";
import type { Document, IndexSpec } from "../collection";
import { DuplicateKeyError, StoreWriteError } from "./errors";
import type { Durability } from "./durability";
import { keyOf } from "./index-keys";
import type { JournalWriter } from "./journal-file";
import { encodeRecord, type JournalRecord } from "./journal-records";
import { planQuery } from "./query-planner";
import { SecondaryIndex, type IndexDefinition } from "./secondary-index";

/** mingo settings shared by every query: no server-side JavaScript ($where, $function). */
export const MINGO_OPTIONS = { scriptEnabled: false, useStrictMode: true };

export const ID_INDEX_NAME = "_id_";

/** What the last read did: the index that narrowed it (null = full scan), index keys read to choose and fetch candidates, documents examined. */
export interface QueryStats {
  index: string | null;
  keysExamined: number;
  examined: number;
  returned: number;
}

interface StoredRecord {
  /** Insertion order, kept across updates: the collection's natural order. */
  order: number;
  doc: Document;
}

/**
 * The live contents of one collection and its indexes. Every write is synchronous: checks, journal
 * append and in-memory change happen in one turn of the event loop, so no other operation can run
 * between matching a document and changing it. Stored documents are never mutated in place.
 */
export class CollectionEngine {
  private readonly records = new Map<string, StoredRecord>();
  private readonly indexes: SecondaryIndex[] = [new SecondaryIndex({ name: ID_INDEX_NAME, key: { _id: 1 }, unique: true })];
  private nextOrder = 0;
  private writes = 0;
  lastQuery: QueryStats | null = null;

  constructor(
    readonly namespace: string,
    private readonly journal: JournalWriter,
    private readonly durability: Durability,
  ) {
    durability.register(journal);
  }

  /** Rebuilds the collection from its journal records (no journal writes). */
  restore(records: JournalRecord[]): void {
    const definitions = new Map<string, IndexDefinition>();
    for (const record of records) {
      if (record.op === "put") {
        const key = keyOf(record.doc._id);
        this.records.set(key, { order: this.records.get(key)?.order ?? this.nextOrder++, doc: record.doc });
      } else if (record.op === "delete") {
        this.records.delete(keyOf(record.id));
      } else {
        definitions.set(record.name, { name: record.name, key: record.key, unique: record.unique });
      }
    }
    for (const [idKey, record] of this.records) (this.indexes[0] as SecondaryIndex).add(record.doc, idKey);
    for (const definition of definitions.values()) this.indexes.push(this.buildIndex(definition));
  }

  get documentCount(): number {
    return this.records.size;
  }

  /** Journal lines that reproduce the current contents: index declarations, then live documents. */
  liveLines(): string[] {
    const lines = this.indexes.slice(1).map((index) => encodeRecord({ op: "index", ...index.definition }));
    for (const record of this.records.values()) lines.push(encodeRecord({ op: "put", doc: record.doc }));
    return lines;
  }

  indexDefinitions(): IndexDefinition[] {
    return this.indexes.map((index) => index.definition);
  }

  /** Stored documents matching the filter, in natural order. Callers must copy before handing them out. */
  matching(filter: Document): Document[] {
    const query = new Query(filter, MINGO_OPTIONS);
    const plan = planQuery(filter, this.indexes);
    const candidates = plan ? this.recordsFor(plan.ids) : [...this.records.values()];
    const result: Document[] = [];
    for (const record of candidates) if (query.test(record.doc)) result.push(record.doc);
    this.lastQuery = {
      index: plan?.index ?? null,
      keysExamined: plan?.keysExamined ?? 0,
      examined: candidates.length,
      returned: result.length,
    };
    return result;
  }

  allDocuments(): Document[] {
    return [...this.records.values()].map((record) => record.doc);
  }

  insert(doc: Document): void {
    this.durability.assertHealthy();
    const idKey = keyOf(doc._id);
    if (this.records.has(idKey)) throw new DuplicateKeyError(this.namespace, ID_INDEX_NAME, { _id: 1 }, { _id: doc._id });
    this.assertUnique(doc, idKey);
    this.append({ op: "put", doc });
    this.records.set(idKey, { order: this.nextOrder++, doc });
    for (const index of this.indexes) index.add(doc, idKey);
  }

  replace(current: Document, next: Document): void {
    this.durability.assertHealthy();
    const idKey = keyOf(current._id);
    const record = this.records.get(idKey);
    if (!record || record.doc !== current) throw new Error(`BUG: replacing a document that is not the stored version in ${this.namespace}`);
    if (keyOf(next._id) !== idKey) {
      throw new StoreWriteError(66, "ImmutableField", "Performing an update on the path '_id' would modify the immutable field '_id'");
    }
    const changed = this.indexes.filter((index) => !index.sameEntries(current, next));
    this.assertUnique(next, idKey, changed);
    this.append({ op: "put", doc: next });
    for (const index of changed) {
      index.remove(current, idKey);
      index.add(next, idKey);
    }
    record.doc = next;
  }

  remove(doc: Document): void {
    this.durability.assertHealthy();
    const idKey = keyOf(doc._id);
    if (!this.records.has(idKey)) return;
    this.append({ op: "delete", id: doc._id });
    for (const index of this.indexes) index.remove(doc, idKey);
    this.records.delete(idKey);
  }

  /** Declares an index (idempotent for the same key and options); fails with E11000 if existing data violates it. */
  ensureIndex(key: IndexSpec, options: { unique?: boolean; name?: string }): string {
    this.durability.assertHealthy();
    const unique = options.unique ?? false;
    const name = options.name ?? defaultIndexName(key);
    const sameKey = this.indexes.find((index) => JSON.stringify(index.definition.key) === JSON.stringify(key));
    const sameName = this.indexes.find((index) => index.definition.name === name);
    const existing = sameName ?? sameKey;
    if (existing) {
      const definition = existing.definition;
      if (JSON.stringify(definition.key) === JSON.stringify(key) && (definition.unique === unique || definition.name === ID_INDEX_NAME))
        return definition.name;
      throw new StoreWriteError(
        86,
        "IndexKeySpecsConflict",
        `An existing index has the same name or key as the requested index: ${definition.name}`,
      );
    }
    const definition: IndexDefinition = { name, key: { ...key }, unique };
    const index = this.buildIndex(definition);
    this.append({ op: "index", ...definition });
    this.indexes.push(index);
    return name;
  }

  /** Journal lines appended so far: lets an operation tell whether it wrote anything it must wait for. */
  get writeCount(): number {
    return this.writes;
  }

  commit(): Promise<void> {
    return this.durability.commit();
  }

  private append(record: JournalRecord): void {
    this.journal.append(encodeRecord(record), this.durability.nextSeq());
    this.writes++;
  }

  private buildIndex(definition: IndexDefinition): SecondaryIndex {
    const index = new SecondaryIndex(definition);
    for (const [idKey, record] of this.records) {
      const conflict = index.findConflict(record.doc, idKey);
      if (conflict) throw new DuplicateKeyError(this.namespace, definition.name, definition.key, conflict);
      index.add(record.doc, idKey);
    }
    return index;
  }

  private assertUnique(doc: Document, idKey: string, indexes: readonly SecondaryIndex[] = this.indexes): void {
    for (const index of indexes) {
      const conflict = index.findConflict(doc, idKey);
      if (conflict) throw new DuplicateKeyError(this.namespace, index.definition.name, index.definition.key, conflict);
    }
  }

  private recordsFor(ids: ReadonlySet<string>): StoredRecord[] {
    const found: StoredRecord[] = [];
    for (const id of ids) {
      const record = this.records.get(id);
      if (record) found.push(record);
    }
    return found.sort((a, b) => a.order - b.order);
  }
}

/** MongoDB's default index name: `field_1_other_-1`. */
export function defaultIndexName(key: IndexSpec): string {
  return Object.entries(key)
    .map(([field, direction]) => `${field}_${direction}`)
    .join("_");
}
