import { Aggregator, Query } from "mingo";
import { ObjectId, type DeleteResult, type InferIdType, type InsertManyResult, type InsertOneResult, type UpdateResult } from "mongodb";
import type {
  AggregateCursor,
  Collection,
  CreateIndexOptions,
  Cursor,
  Document,
  Filter,
  FindOneAndUpdateOptions,
  FindOptions,
  IndexSpec,
  OptionalUnlessRequiredId,
  SortSpec,
  UpdateFilter,
  UpdateOptions,
  WithId,
} from "../collection";
import { MINGO_OPTIONS, type CollectionEngine, type QueryStats } from "./collection-engine";
import { EmbeddedAggregateCursor, EmbeddedCursor } from "./cursor";
import { BulkWriteError, StoreWriteError } from "./errors";
import type { IndexDefinition } from "./secondary-index";
import { applyUpdate, assertUpdateDocument, buildUpsertDocument } from "./update-document";
import { cloneStored, isPlainObject, toStoredDocument } from "./values";

export interface CollectionStats {
  documents: number;
  indexes: IndexDefinition[];
  /** The last read (find, count, update, delete, aggregate's leading $match): index used, index keys read, documents examined. */
  lastQuery: QueryStats | null;
}

const FORBIDDEN_STAGES = new Set(["$out", "$merge"]);

/** `Collection<T>` over the embedded engine. Results are copies; each write resolves once durable. */
export class EmbeddedCollection<T extends Document = Document> implements Collection<T> {
  constructor(
    readonly collectionName: string,
    private readonly engine: CollectionEngine,
    private readonly assertOpen: () => void,
    private readonly otherCollection: (name: string) => Document[],
  ) {}

  stats(): CollectionStats {
    return { documents: this.engine.documentCount, indexes: this.engine.indexDefinitions(), lastQuery: this.engine.lastQuery };
  }

  async insertOne(doc: OptionalUnlessRequiredId<T>): Promise<InsertOneResult<T>> {
    const stored = await this.write(() => {
      const prepared = prepareInsert(doc);
      this.engine.insert(prepared);
      return prepared;
    });
    return { acknowledged: true, insertedId: stored._id as InferIdType<T> };
  }

  async insertMany(docs: ReadonlyArray<OptionalUnlessRequiredId<T>>, options: { ordered?: boolean } = {}): Promise<InsertManyResult<T>> {
    const ordered = options.ordered ?? true;
    const insertedIds: Record<number, InferIdType<T>> = {};
    const writeErrors: Array<{ index: number; error: StoreWriteError }> = [];
    await this.write(() => {
      for (const [index, doc] of docs.entries()) {
        try {
          const prepared = prepareInsert(doc);
          this.engine.insert(prepared);
          insertedIds[index] = prepared._id as InferIdType<T>;
        } catch (error) {
          if (!(error instanceof StoreWriteError)) throw error;
          writeErrors.push({ index, error });
          if (ordered) break;
        }
      }
    });
    if (writeErrors.length > 0) throw new BulkWriteError(writeErrors, insertedIds);
    return { acknowledged: true, insertedCount: docs.length, insertedIds };
  }

  async findOne(filter: Filter<T>, options: FindOptions = {}): Promise<WithId<T> | null> {
    const [first] = this.runFind(filter, { ...options, limit: 1 });
    return first ?? null;
  }

  find(filter: Filter<T>, options: FindOptions = {}): Cursor<WithId<T>> {
    return new EmbeddedCursor((current) => this.runFind(filter, current), options);
  }

  async updateOne(filter: Filter<T>, update: UpdateFilter<T>, options: UpdateOptions = {}): Promise<UpdateResult<T>> {
    return this.write(() => this.update(filter as Document, update, options, false));
  }

  async updateMany(filter: Filter<T>, update: UpdateFilter<T>, options: UpdateOptions = {}): Promise<UpdateResult<T>> {
    return this.write(() => this.update(filter as Document, update, options, true));
  }

  async findOneAndUpdate(filter: Filter<T>, update: UpdateFilter<T>, options: FindOneAndUpdateOptions = {}): Promise<WithId<T> | null> {
    assertUpdateDocument(update);
    const returned = await this.write(() => {
      const matches = this.engine.matching((filter ?? {}) as Document);
      const current = options.sort ? sortDocuments(matches, options.sort)[0] : matches[0];
      if (!current) {
        if (!options.upsert) return null;
        const inserted = buildUpsertDocument(filter as Document, update, options.arrayFilters);
        this.engine.insert(inserted);
        return options.returnDocument === "after" ? inserted : null;
      }
      const next = applyUpdate(current, update, filter as Document, options.arrayFilters);
      if (next.modified) this.engine.replace(current, next.doc);
      return options.returnDocument === "after" ? next.doc : current;
    });
    return returned ? (project(returned, options.projection) as WithId<T>) : null;
  }

  async deleteOne(filter: Filter<T>): Promise<DeleteResult> {
    return this.write(() => this.remove(filter as Document, false));
  }

  async deleteMany(filter: Filter<T>): Promise<DeleteResult> {
    return this.write(() => this.remove(filter as Document, true));
  }

  async countDocuments(filter: Filter<T> = {}, options: { skip?: number; limit?: number } = {}): Promise<number> {
    this.assertOpen();
    const matched = Math.max(0, this.engine.matching(filter as Document).length - (options.skip ?? 0));
    return options.limit ? Math.min(matched, options.limit) : matched;
  }

  aggregate<R extends Document = Document>(pipeline: Document[]): AggregateCursor<R> {
    return new EmbeddedAggregateCursor(() => this.runAggregate(pipeline) as R[]);
  }

  async createIndex(spec: IndexSpec, options: CreateIndexOptions = {}): Promise<string> {
    return this.write(() => this.engine.ensureIndex(spec, options));
  }

  private update(filter: Document, update: unknown, options: UpdateOptions, many: boolean): UpdateResult<T> {
    assertUpdateDocument(update);
    const matches = this.engine.matching(filter ?? {});
    if (matches.length === 0 && options.upsert) {
      const inserted = buildUpsertDocument(filter ?? {}, update, options.arrayFilters);
      this.engine.insert(inserted);
      return { acknowledged: true, matchedCount: 0, modifiedCount: 0, upsertedCount: 1, upsertedId: inserted._id as InferIdType<T> };
    }
    const targets = many ? matches : matches.slice(0, 1);
    let modifiedCount = 0;
    for (const current of targets) {
      const next = applyUpdate(current, update, filter ?? {}, options.arrayFilters);
      if (!next.modified) continue;
      this.engine.replace(current, next.doc);
      modifiedCount++;
    }
    return { acknowledged: true, matchedCount: targets.length, modifiedCount, upsertedCount: 0, upsertedId: null };
  }

  private remove(filter: Document, many: boolean): DeleteResult {
    const matches = this.engine.matching(filter ?? {});
    const targets = many ? matches : matches.slice(0, 1);
    for (const doc of targets) this.engine.remove(doc);
    return { acknowledged: true, deletedCount: targets.length };
  }

  private runFind(filter: Filter<T>, options: FindOptions): Array<WithId<T>> {
    this.assertOpen();
    const cursor = new Query({}, MINGO_OPTIONS).find<Document>(this.engine.matching((filter ?? {}) as Document), options.projection ?? {});
    if (options.sort) cursor.sort(options.sort);
    if (options.skip) cursor.skip(options.skip);
    if (options.limit) cursor.limit(Math.abs(options.limit));
    return cursor.all().map((doc) => cloneStored(doc) as WithId<T>);
  }

  private runAggregate(pipeline: Document[]): Document[] {
    this.assertOpen();
    if (!Array.isArray(pipeline) || !pipeline.every(isPlainObject))
      throw new StoreWriteError(14, "TypeMismatch", "aggregate expects an array of stage documents");
    const forbidden = pipeline.flatMap((stage) => Object.keys(stage)).find((name) => FORBIDDEN_STAGES.has(name));
    if (forbidden) throw new StoreWriteError(40324, "UnsupportedStage", `${forbidden} is not supported by the embedded store`);
    const [first, ...rest] = pipeline;
    const leadingMatch = first && isPlainObject(first.$match) ? first.$match : null;
    const source = leadingMatch ? this.engine.matching(leadingMatch) : this.engine.matching({});
    const aggregator = new Aggregator(leadingMatch ? rest : pipeline, {
      ...MINGO_OPTIONS,
      collectionResolver: (name: string) => this.otherCollection(name).map((doc) => cloneStored(doc)),
    });
    return aggregator.run(source.map((doc) => cloneStored(doc))) as Document[];
  }

  /** Runs a synchronous write, then waits until whatever it journaled is durable (also when it failed halfway). */
  private async write<R>(apply: () => R): Promise<R> {
    this.assertOpen();
    const writesBefore = this.engine.writeCount;
    try {
      return apply();
    } finally {
      if (this.engine.writeCount !== writesBefore) await this.engine.commit();
    }
  }
}

/** Like the driver: a missing `_id` is generated and also set on the caller's object; `_id` goes first. */
function prepareInsert(doc: unknown): Document {
  if (!isPlainObject(doc)) throw new StoreWriteError(2, "BadValue", "a document must be a plain object");
  if (doc._id === undefined) doc._id = new ObjectId();
  const { _id, ...fields } = doc;
  return toStoredDocument({ _id, ...fields });
}

function sortDocuments(docs: Document[], sort: SortSpec): Document[] {
  return new Query({}, MINGO_OPTIONS).find<Document>(docs).sort(sort).all();
}

function project(doc: Document, projection: Document | undefined): Document {
  if (!projection || Object.keys(projection).length === 0) return cloneStored(doc);
  const [projected] = new Query({}, MINGO_OPTIONS).find<Document>([doc], projection).all();
  return cloneStored(projected ?? {});
}
