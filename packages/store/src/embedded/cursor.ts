import type { AggregateCursor, Cursor, FindOptions, SortSpec } from "../collection";

/** A find cursor: options are collected until the first read, then the query runs once per read. */
export class EmbeddedCursor<T> implements Cursor<T> {
  private options: FindOptions;

  constructor(
    private readonly run: (options: FindOptions) => T[],
    options: FindOptions = {},
  ) {
    this.options = { ...options };
  }

  sort(sort: SortSpec): Cursor<T> {
    this.options = { ...this.options, sort };
    return this;
  }

  skip(count: number): Cursor<T> {
    this.options = { ...this.options, skip: count };
    return this;
  }

  limit(count: number): Cursor<T> {
    this.options = { ...this.options, limit: count };
    return this;
  }

  async toArray(): Promise<T[]> {
    return this.run(this.options);
  }

  async *[Symbol.asyncIterator](): AsyncGenerator<T> {
    for (const item of await this.toArray()) yield item;
  }
}

export class EmbeddedAggregateCursor<T> implements AggregateCursor<T> {
  constructor(private readonly run: () => T[]) {}

  async toArray(): Promise<T[]> {
    return this.run();
  }

  async *[Symbol.asyncIterator](): AsyncGenerator<T> {
    for (const item of await this.toArray()) yield item;
  }
}
