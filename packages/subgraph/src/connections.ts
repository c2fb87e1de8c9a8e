import { resolveCursorConnection, resolveOffsetConnection, type ResolveCursorConnectionArgs } from "@pothos/plugin-relay";
import { ValidationError } from "./errors";

/** Hard limit on `first`/`last`: no client fetches more items than this in one page. */
export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 20;

export interface PageArgs {
  first?: number | null;
  last?: number | null;
  after?: string | null;
  before?: string | null;
}

/** Rejects page sizes above the hard maximum (and negative ones) instead of silently returning fewer items. */
export function checkPageSize(args: PageArgs, maxSize = MAX_PAGE_SIZE): void {
  const fields = (["first", "last"] as const)
    .filter((name) => {
      const size = args[name];
      return size != null && (size < 0 || size > maxSize);
    })
    .map((name) => ({ path: [name], message: `phải từ 0 đến ${maxSize}` }));
  if (fields.length > 0) throw new ValidationError(fields);
}

/**
 * A relay connection (edges, pageInfo, totalCount) over an offset/limit source, with the page size checked.
 * `load` must honour `limit` (one more than the page, to learn whether a next page exists) in a stable order.
 */
export async function resolveOffsetPage<Node>(
  args: PageArgs,
  totalCount: number,
  load: (window: { offset: number; limit: number }) => Promise<readonly Node[]> | readonly Node[],
  options: { maxSize?: number; defaultSize?: number } = {},
) {
  const maxSize = options.maxSize ?? MAX_PAGE_SIZE;
  checkPageSize(args, maxSize);
  const connection = await resolveOffsetConnection(
    { args, totalCount, maxSize, defaultSize: options.defaultSize ?? DEFAULT_PAGE_SIZE },
    async (window) => [...(await load(window))],
  );
  return { ...connection, totalCount };
}

/**
 * A relay connection whose cursors come from the data (e.g. a unique sort key), stable while items are added.
 * `load` receives `after`/`before` cursors and `limit`; it must return items ordered by the cursor key,
 * descending when `inverted` is true, and honour `limit`.
 */
export async function resolveCursorPage<Node>(
  args: PageArgs,
  totalCount: number,
  toCursor: (node: Node) => string,
  load: (window: ResolveCursorConnectionArgs) => Promise<readonly Node[]> | readonly Node[],
  options: { maxSize?: number; defaultSize?: number } = {},
) {
  const maxSize = options.maxSize ?? MAX_PAGE_SIZE;
  checkPageSize(args, maxSize);
  const connection = await resolveCursorConnection(
    { args, toCursor, maxSize, defaultSize: options.defaultSize ?? DEFAULT_PAGE_SIZE },
    async (window: ResolveCursorConnectionArgs) => [...(await load(window))],
  );
  return { ...connection, totalCount };
}
