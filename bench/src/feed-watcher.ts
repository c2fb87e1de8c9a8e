import { performance } from "node:perf_hooks";
import { z } from "zod";

const SUBSCRIPTION = "subscription { notificationAdded { kind taskId } }";

const nextSchema = z.object({
  data: z.object({ notificationAdded: z.object({ kind: z.string(), taskId: z.string().nullable() }) }),
});

/** One notification as it reached a recipient's live feed. */
export interface Arrival {
  recipient: string;
  kind: string;
  taskId: string | null;
  /** performance.now() of this process when the SSE message was read. */
  atMs: number;
}

export interface FeedWatcher {
  /** Ends every subscription. */
  close(): void;
}

/** Reads `event: next` messages off one SSE response and hands each payload on; ends when the stream does. */
async function readEvents(body: NonNullable<Response["body"]>, onData: (data: string) => void): Promise<void> {
  const reader = body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = "";
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    buffer += value;
    for (let end = buffer.indexOf("\n\n"); end !== -1; end = buffer.indexOf("\n\n")) {
      const lines = buffer.slice(0, end).split("\n");
      buffer = buffer.slice(end + 2);
      if (!lines.includes("event: next")) continue;
      onData(
        lines
          .filter((line) => line.startsWith("data:"))
          .map((line) => line.slice(5).trim())
          .join("\n"),
      );
    }
  }
}

/**
 * Opens `Subscription.notificationAdded` over SSE for every recipient (one HTTP connection each, as each
 * official's browser would) and reports each notification as it arrives. Resolves once every response has started.
 */
export async function watchFeeds(
  url: string,
  tokens: ReadonlyMap<string, string>,
  onArrival: (arrival: Arrival) => void,
  onError: (error: Error) => void,
): Promise<FeedWatcher> {
  const abort = new AbortController();
  const opened = Promise.all(
    [...tokens].map(async ([recipient, token]) => {
      const response = await fetch(url, {
        method: "POST",
        signal: abort.signal,
        headers: { "content-type": "application/json", accept: "text/event-stream", authorization: `Bearer ${token}` },
        body: JSON.stringify({ query: SUBSCRIPTION }),
      });
      if (!response.ok || !response.body) throw new Error(`notificationAdded for ${recipient}: HTTP ${response.status}`);
      readEvents(response.body, (data) => {
        const atMs = performance.now();
        const parsed = nextSchema.safeParse(JSON.parse(data));
        if (!parsed.success) return onError(new Error(`notificationAdded for ${recipient}: unexpected payload ${data.slice(0, 200)}`));
        onArrival({ recipient, ...parsed.data.data.notificationAdded, atMs });
      }).catch((error: unknown) => {
        if (!abort.signal.aborted) onError(error instanceof Error ? error : new Error(String(error)));
      });
    }),
  );
  try {
    await opened;
  } catch (error) {
    abort.abort();
    throw error;
  }
  return { close: () => abort.abort() };
}
