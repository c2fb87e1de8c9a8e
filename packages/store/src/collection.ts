import type {
  DeleteResult,
  Document,
  Filter,
  InsertManyResult,
  InsertOneResult,
  OptionalUnlessRequiredId,
  UpdateFilter,
  UpdateResult,
  WithId,
} from "mongodb";

/**
 * The part of the MongoDB driver's `Collection<T>` that services may use.
 * Same names, options, documents and results as the driver, so production passes the driver's
 * collection straight through (checked at compile time in driver-compat.ts) and the embedded
 * engine implements exactly this. Anything a service needs beyond it goes here and into the
 * conformance suite first.
 */
export type { Document, Filter, UpdateFilter, WithId, OptionalUnlessRequiredId };

export type SortDirection = 1 | -1;
export type SortSpec = Record<string, SortDirection>;
export type IndexSpec = Record<string, SortDirection>;

export interface FindOptions {
  projection?: Document;
  sort?: SortSpec;
  skip?: number;
  limit?: number;
}

export interface UpdateOptions {
  upsert?: boolean;
  arrayFilters?: Document[];
}

export interface FindOneAndUpdateOptions extends UpdateOptions {
  returnDocument?: "before" | "after";
  sort?: SortSpec;
  projection?: Document;
}

export interface CreateIndexOptions {
  unique?: boolean;
  name?: string;
}

export interface Cursor<T> extends AsyncIterable<T> {
  sort(sort: SortSpec): Cursor<T>;
  skip(count: number): Cursor<T>;
  limit(count: number): Cursor<T>;
  toArray(): Promise<T[]>;
}

export interface AggregateCursor<T> extends AsyncIterable<T> {
  toArray(): Promise<T[]>;
}

export interface Collection<T extends Document = Document> {
  readonly collectionName: string;
  insertOne(doc: OptionalUnlessRequiredId<T>): Promise<InsertOneResult<T>>;
  insertMany(docs: ReadonlyArray<OptionalUnlessRequiredId<T>>, options?: { ordered?: boolean }): Promise<InsertManyResult<T>>;
  findOne(filter: Filter<T>, options?: FindOptions): Promise<WithId<T> | null>;
  find(filter: Filter<T>, options?: FindOptions): Cursor<WithId<T>>;
  updateOne(filter: Filter<T>, update: UpdateFilter<T>, options?: UpdateOptions): Promise<UpdateResult<T>>;
  updateMany(filter: Filter<T>, update: UpdateFilter<T>, options?: UpdateOptions): Promise<UpdateResult<T>>;
  findOneAndUpdate(filter: Filter<T>, update: UpdateFilter<T>, options: FindOneAndUpdateOptions): Promise<WithId<T> | null>;
  deleteOne(filter: Filter<T>): Promise<DeleteResult>;
  deleteMany(filter: Filter<T>): Promise<DeleteResult>;
  countDocuments(filter?: Filter<T>, options?: { skip?: number; limit?: number }): Promise<number>;
  aggregate<R extends Document = Document>(pipeline: Document[]): AggregateCursor<R>;
  createIndex(spec: IndexSpec, options?: CreateIndexOptions): Promise<string>;
}

/** A service's own database: the subset of the driver's `Db` a service uses. */
export interface Database {
  readonly databaseName: string;
  collection<T extends Document = Document>(name: string): Collection<T>;
}

/** Where databases come from: the embedded engine, or a connected `MongoClient`. */
export interface Store {
  db(name: string): Database;
  close(): Promise<void>;
}

export const DUPLICATE_KEY = 11000;

export function isDuplicateKeyError(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: unknown }).code === DUPLICATE_KEY;
}
