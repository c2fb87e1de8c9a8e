import { onTestFinished } from "vitest";

export interface SseSubscription {
  /** The next `next` event's payload; rejects after `timeoutMs`. */
  next(
    timeoutMs: number,
  ): Promise<{ data?: Record<string, unknown>; errors?: { message: string; extensions?: Record<string, unknown> }[] }>;
  close(): void;
}

/**
 * A GraphQL subscription over SSE (distinct-connections mode), read straight off the HTTP response.
 * GET is what the Hive gateway's HTTP transport sends upstream for a subscription; POST is what browsers' fetch clients send.
 */
export async function subscribeOverSse(
  url: string,
  query: string,
  options: { token?: string; method?: "GET" | "POST" } = {},
): Promise<SseSubscription> {
  const abort = new AbortController();
  const auth: Record<string, string> = options.token ? { authorization: `Bearer ${options.token}` } : {};
  const response =
    options.method === "GET"
      ? await fetch(`${url}?${new URLSearchParams({ query })}`, { signal: abort.signal, headers: { accept: "text/event-stream", ...auth } })
      : await fetch(url, {
          method: "POST",
          signal: abort.signal,
          headers: { "content-type": "application/json", accept: "text/event-stream", ...auth },
          body: JSON.stringify({ query }),
        });
  if (!response.body) throw new Error(`no event stream: HTTP ${response.status}`);
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  onTestFinished(() => abort.abort());
  let buffer = "";

  async function readEvent(): Promise<string> {
    for (;;) {
      const end = buffer.indexOf("\n\n");
      if (end !== -1) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const lines = block.split("\n");
        if (!lines.includes("event: next")) continue;
        return lines
          .filter((line) => line.startsWith("data:"))
          .map((line) => line.slice(5).trim())
          .join("\n");
      }
      const { value, done } = await reader.read();
      if (done) throw new Error("event stream ended");
      buffer += value;
    }
  }

  return {
    async next(timeoutMs) {
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<never>(
        (_resolve, reject) => (timer = setTimeout(() => reject(new Error(`no event within ${timeoutMs} ms`)), timeoutMs)),
      );
      try {
        const data = await Promise.race([readEvent(), timeout]);
        return JSON.parse(data);
      } finally {
        clearTimeout(timer);
      }
    },
    close: () => abort.abort(),
  };
}
