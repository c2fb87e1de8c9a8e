import { setTimeout as sleep } from "node:timers/promises";
import { z } from "zod";
import type { SubgraphSdl } from "./compose";

export interface SubgraphEndpoint {
  name: string;
  url: string;
}

export interface SdlRetryFailure {
  subgraph: SubgraphEndpoint;
  error: Error;
  attempt: number;
  nextDelayMs: number;
}

export interface SdlRetryOptions {
  initialDelayMs?: number;
  maxDelayMs?: number;
  timeoutMs?: number;
  signal?: AbortSignal;
  onRetry?: (failure: SdlRetryFailure) => void;
}

const SERVICE_SDL_QUERY = "{ _service { sdl } }";

const serviceSdlResponse = z.object({
  data: z.object({ _service: z.object({ sdl: z.string().min(1) }) }),
});

/** Asks one federation subgraph for its SDL; rejects with an error naming the subgraph on any failure. */
export async function fetchSubgraphSdl(subgraph: SubgraphEndpoint, timeoutMs = 5_000): Promise<string> {
  const where = `subgraph "${subgraph.name}" at ${subgraph.url}`;
  let response: Response;
  try {
    response = await fetch(subgraph.url, {
      method: "POST",
      headers: { "content-type": "application/json", accept: "application/json" },
      body: JSON.stringify({ query: SERVICE_SDL_QUERY }),
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (error) {
    throw new Error(`${where} is unreachable: ${describe(error)}`, { cause: error });
  }
  if (!response.ok) throw new Error(`${where} answered HTTP ${response.status} to the SDL query`);
  const body: unknown = await response.json().catch(() => undefined);
  const parsed = serviceSdlResponse.safeParse(body);
  if (!parsed.success) throw new Error(`${where} did not answer { _service { sdl } } with an SDL string`);
  return parsed.data.data._service.sdl;
}

/**
 * Fetches every subgraph's SDL, retrying each one with exponential backoff until it answers.
 * Never gives up on its own: only `signal` ends the wait (the promise then rejects with the abort reason).
 */
export async function fetchAllSdlWithRetry(subgraphs: SubgraphEndpoint[], options: SdlRetryOptions = {}): Promise<SubgraphSdl[]> {
  return Promise.all(subgraphs.map(async (subgraph) => ({ ...subgraph, sdl: await fetchOneWithRetry(subgraph, options) })));
}

async function fetchOneWithRetry(subgraph: SubgraphEndpoint, options: SdlRetryOptions): Promise<string> {
  const { initialDelayMs = 250, maxDelayMs = 5_000, timeoutMs, signal, onRetry } = options;
  for (let attempt = 1; ; attempt += 1) {
    signal?.throwIfAborted();
    try {
      return await fetchSubgraphSdl(subgraph, timeoutMs);
    } catch (error) {
      const nextDelayMs = Math.min(maxDelayMs, initialDelayMs * 2 ** (attempt - 1));
      onRetry?.({ subgraph, error: error instanceof Error ? error : new Error(String(error)), attempt, nextDelayMs });
      await sleep(nextDelayMs, undefined, { signal });
    }
  }
}

function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause instanceof Error ? ` (${error.cause.message})` : "";
  return `${error.message}${cause}`;
}
