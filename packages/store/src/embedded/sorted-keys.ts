/** Largest run of values one chunk holds; an insert or remove moves at most this many entries. */
export const MAX_CHUNK = 512;
const MERGE_BELOW = MAX_CHUNK / 4;

interface Chunk {
  /** Ascending, distinct, never empty. */
  values: Array<number | string>;
  /** The index key of each value, at the same position. */
  keys: string[];
}

/**
 * Distinct index values of one type, kept in order so range lookups read only the slice they need.
 * Values live in a list of bounded sorted chunks: an insert or remove binary-searches the chunk
 * and shifts entries inside it only, so its cost does not grow with the collection.
 */
export class SortedKeys {
  private readonly chunks: Chunk[] = [];

  /** Length of the longest chunk: the most entries a single insert or remove can shift. */
  get longestChunk(): number {
    return this.chunks.reduce((longest, chunk) => Math.max(longest, chunk.values.length), 0);
  }

  add(value: number | string, key: string): void {
    const position = this.chunkFor(value);
    const chunk = this.chunks[position];
    if (!chunk) {
      this.chunks.push({ values: [value], keys: [key] });
      return;
    }
    const at = lowerBound(chunk.values, value);
    if (chunk.values[at] === value) return;
    chunk.values.splice(at, 0, value);
    chunk.keys.splice(at, 0, key);
    if (chunk.values.length > MAX_CHUNK) {
      const half = chunk.values.length >>> 1;
      this.chunks.splice(position + 1, 0, { values: chunk.values.splice(half), keys: chunk.keys.splice(half) });
    }
  }

  remove(value: number | string): void {
    const position = this.chunkFor(value);
    const chunk = this.chunks[position];
    if (!chunk) return;
    const at = lowerBound(chunk.values, value);
    if (chunk.values[at] !== value) return;
    chunk.values.splice(at, 1);
    chunk.keys.splice(at, 1);
    if (chunk.values.length === 0) this.chunks.splice(position, 1);
    else if (chunk.values.length < MERGE_BELOW && !this.mergeWithNext(position - 1)) this.mergeWithNext(position);
  }

  /** Keys whose value lies within the bounds (either bound may be absent), in ascending order. */
  *between(lower?: Bound, upper?: Bound): Generator<string> {
    let position = lower ? this.chunkFor(lower.value) : 0;
    let at = 0;
    const first = this.chunks[position];
    if (first && lower) at = lower.inclusive ? lowerBound(first.values, lower.value) : upperBound(first.values, lower.value);
    for (; position < this.chunks.length; position++, at = 0) {
      const chunk = this.chunks[position] as Chunk;
      const end = upper
        ? upper.inclusive
          ? upperBound(chunk.values, upper.value)
          : lowerBound(chunk.values, upper.value)
        : chunk.values.length;
      for (; at < end; at++) yield chunk.keys[at] as string;
      if (end < chunk.values.length) return;
    }
  }

  /** The last chunk whose first value is <= value (0 when value precedes every chunk). */
  private chunkFor(value: number | string): number {
    let low = 0;
    let high = this.chunks.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (((this.chunks[mid] as Chunk).values[0] as number | string) <= value) low = mid + 1;
      else high = mid;
    }
    return Math.max(0, low - 1);
  }

  /** Folds chunk `position + 1` into chunk `position` when both fit in one, so chunks do not fragment. */
  private mergeWithNext(position: number): boolean {
    const chunk = this.chunks[position];
    const next = this.chunks[position + 1];
    if (!chunk || !next || chunk.values.length + next.values.length > MAX_CHUNK) return false;
    chunk.values.push(...next.values);
    chunk.keys.push(...next.keys);
    this.chunks.splice(position + 1, 1);
    return true;
  }
}

export interface Bound {
  value: number | string;
  inclusive: boolean;
}

/** First position whose value is >= the given value. */
function lowerBound(values: ReadonlyArray<number | string>, value: number | string): number {
  let low = 0;
  let high = values.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if ((values[mid] as number | string) < value) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** First position whose value is > the given value. */
function upperBound(values: ReadonlyArray<number | string>, value: number | string): number {
  let low = 0;
  let high = values.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if ((values[mid] as number | string) <= value) low = mid + 1;
    else high = mid;
  }
  return low;
}
