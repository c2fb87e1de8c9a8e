import { fetchSubgraphSdl, type SubgraphEndpoint } from "./fetch-sdl";

/**
 * A subgraph is reachable when its `/healthz` (beside its GraphQL path) answers 2xx, or, for a
 * subgraph without `/healthz` (404 or no answer there), when it answers the SDL query.
 */
export async function isSubgraphReachable(subgraph: SubgraphEndpoint, timeoutMs = 2_000): Promise<boolean> {
  try {
    const response = await fetch(new URL("/healthz", subgraph.url), { signal: AbortSignal.timeout(timeoutMs) });
    await response.body?.cancel();
    if (response.ok) return true;
    if (response.status !== 404) return false;
  } catch {
    return false;
  }
  return fetchSubgraphSdl(subgraph, timeoutMs).then(
    () => true,
    () => false,
  );
}

/** Names of the subgraphs that are not reachable right now (empty when all are). */
export async function unreachableSubgraphs(subgraphs: SubgraphEndpoint[], timeoutMs?: number): Promise<string[]> {
  const reachable = await Promise.all(subgraphs.map((subgraph) => isSubgraphReachable(subgraph, timeoutMs)));
  return subgraphs.filter((_, i) => !reachable[i]).map((subgraph) => subgraph.name);
}
