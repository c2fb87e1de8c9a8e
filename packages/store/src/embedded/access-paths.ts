import type { KeyRange, KeyReads, SecondaryIndex } from "./secondary-index";

/** Ids of every document that may match (a superset: the full filter still runs on each). */
export interface Candidates {
  index: string;
  ids: ReadonlySet<string>;
}

/**
 * One way an index can narrow a filter. Its size (index entries it would yield) is counted before
 * any id is collected, so only the path finally chosen ever builds its candidate set.
 */
export interface AccessPath {
  /** True when counting costs one read per looked-up key whatever the size (no range to walk). */
  readonly exact: boolean;
  /** The number of entries when at most `limit`; otherwise any number above `limit`. */
  count(limit: number): number;
  /** The candidates: of the narrowing that fitted the latest count(), or of the narrowest when never counted. */
  candidates(): Candidates;
}

interface Choice {
  path: AccessPath;
  size: number;
}

/** Ranges are first counted up to this many entries, then to GROWTH times more, until one fits. */
const FIRST_CAP = 64;
const GROWTH = 4;

/**
 * The first of the smallest paths holding at most `limit` entries, or null. Exact paths are counted
 * first; a range is then read only up to the best size so far, or (with none yet) up to a cap that
 * grows each round, so of several wide ranges each is read about as far as the narrowest one.
 */
export function choosePath(paths: readonly AccessPath[], limit: number): Choice | null {
  let best: Choice | null = null;
  let open = [...paths.filter((path) => path.exact), ...paths.filter((path) => !path.exact)];
  for (let cap = Math.min(FIRST_CAP, limit); open.length > 0; cap = Math.min(cap * GROWTH, limit)) {
    const over: AccessPath[] = [];
    for (const path of open) {
      const ceiling = best ? best.size - 1 : path.exact ? limit : cap;
      const size = path.count(ceiling);
      if (size <= ceiling) best = { path, size };
      else if (!best && !path.exact) over.push(path);
    }
    // Anything left over holds more than `cap`, hence more than a best found in this round.
    if (best || cap >= limit) return best;
    open = over;
  }
  return best;
}

/** Equality or `$in` on an index's first field: the posting lists of the listed keys. */
export class KeysPath implements AccessPath {
  readonly exact = true;

  constructor(
    private readonly index: SecondaryIndex,
    private readonly values: readonly unknown[],
    private readonly reads: KeyReads,
  ) {}

  count(): number {
    this.reads.keys += this.values.length;
    return this.values.reduce<number>((total, value) => total + this.index.lookupEqual(value).size, 0);
  }

  candidates(): Candidates {
    this.reads.keys += this.values.length;
    const name = this.index.definition.name;
    const [only] = this.values;
    if (this.values.length === 1) return { index: name, ids: this.index.lookupEqual(only) };
    const ids = new Set<string>();
    for (const value of this.values) for (const id of this.index.lookupEqual(value)) ids.add(id);
    return { index: name, ids };
  }
}

/** A range on an index's first field: the keys between its bounds, in order. */
export class RangePath implements AccessPath {
  readonly exact = false;

  constructor(
    private readonly index: SecondaryIndex,
    private readonly range: KeyRange,
    private readonly reads: KeyReads,
  ) {}

  count(limit: number): number {
    return this.index.countRange(this.range, limit, this.reads);
  }

  candidates(): Candidates {
    return { index: this.index.definition.name, ids: this.index.lookupRange(this.range, this.reads) };
  }
}

/** The narrowest of several paths that each narrow the same filter (conditions joined by AND). */
export class NarrowestPath implements AccessPath {
  readonly exact: boolean;
  private chosen: AccessPath | null = null;

  constructor(private readonly paths: readonly AccessPath[]) {
    this.exact = paths.every((path) => path.exact);
  }

  count(limit: number): number {
    const choice = choosePath(this.paths, limit);
    this.chosen = choice?.path ?? null;
    return choice ? choice.size : limit + 1;
  }

  candidates(): Candidates {
    const chosen = this.chosen ?? choosePath(this.paths, Infinity)?.path;
    if (!chosen) throw new Error("BUG: a NarrowestPath was built without paths");
    return chosen.candidates();
  }
}

/** `$or` whose every branch has a path: the union of the branches' candidates. */
export class UnionPath implements AccessPath {
  readonly exact: boolean;

  constructor(private readonly branches: readonly AccessPath[]) {
    this.exact = branches.every((branch) => branch.exact);
  }

  count(limit: number): number {
    let total = 0;
    for (const branch of this.branches) {
      total += branch.count(limit - total);
      if (total > limit) break;
    }
    return total;
  }

  candidates(): Candidates {
    const ids = new Set<string>();
    const names = new Set<string>();
    for (const branch of this.branches) {
      const found = branch.candidates();
      names.add(found.index);
      for (const id of found.ids) ids.add(id);
    }
    return { index: [...names].join("+"), ids };
  }
}
