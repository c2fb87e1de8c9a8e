import { AsyncLocalStorage } from "node:async_hooks";

// The id itself (header name, validation, creation) is @lienthong/subgraph/correlation's; this only carries it
// through the Hive runtime's plugins, which log without access to the incoming Node request.
const storage = new AsyncLocalStorage<string>();

/** Runs `work` with `id` as the correlation id of everything it does, including async continuations. */
export function withCorrelationId<T>(id: string, work: () => T): T {
  return storage.run(id, work);
}

export function currentCorrelationId(): string | undefined {
  return storage.getStore();
}
