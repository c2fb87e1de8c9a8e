/**
 * Per-request batching (the dataloader idea, without the dependency): every `load` made while resolving one
 * tick of a GraphQL request is answered by ONE call of `fetch` with all the keys, e.g. one `$in` query for the
 * lead owners of fifty tasks instead of fifty queries.
 */
export type BatchFetch<Key, Value> = (keys: readonly Key[]) => Promise<ReadonlyMap<Key, Value>>;

export interface BatchLoader<Key, Value> {
  load(key: Key): Promise<Value | undefined>;
}

export function createBatchLoader<Key, Value>(fetch: BatchFetch<Key, Value>): BatchLoader<Key, Value> {
  let pending: { keys: Set<Key>; result: Promise<ReadonlyMap<Key, Value>> } | undefined;
  return {
    async load(key) {
      if (!pending) {
        const keys = new Set<Key>();
        const result = new Promise<ReadonlyMap<Key, Value>>((resolve, reject) => {
          // Collect every key asked for in this tick, then fetch once.
          setImmediate(() => {
            pending = undefined;
            fetch([...keys]).then(resolve, reject);
          });
        });
        pending = { keys, result };
      }
      pending.keys.add(key);
      return (await pending.result).get(key);
    },
  };
}

const loaders = new WeakMap<object, Map<string, BatchLoader<unknown, unknown>>>();

/** The loader named `name` for this request context (created on first use, gone with the request). */
export function loaderOf<Key, Value>(context: object, name: string, fetch: BatchFetch<Key, Value>): BatchLoader<Key, Value> {
  let byName = loaders.get(context);
  if (!byName) loaders.set(context, (byName = new Map()));
  let loader = byName.get(name) as BatchLoader<Key, Value> | undefined;
  if (!loader) byName.set(name, (loader = createBatchLoader(fetch)) as BatchLoader<unknown, unknown>);
  return loader;
}
