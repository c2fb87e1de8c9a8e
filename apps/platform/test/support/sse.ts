import { onTestFinished } from "vitest";

/** A GraphQL subscription over SSE (POST + JSON, as the gateway's CSRF rule wants), collecting every payload. */
export async function subscribe<Data>(url: string, token: string, query: string) {
  const received: Data[] = [];
  const abort = new AbortController();
  onTestFinished(() => abort.abort());
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", accept: "text/event-stream", authorization: `Bearer ${token}` },
    body: JSON.stringify({ query }),
    signal: abort.signal,
  });
  if (!response.ok || !response.body) throw new Error(`subscription refused: HTTP ${response.status}`);
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  void (async () => {
    let buffer = "";
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        buffer += value;
        let end = buffer.indexOf("\n\n");
        while (end !== -1) {
          const data = buffer
            .slice(0, end)
            .split("\n")
            .find((line) => line.startsWith("data: "));
          if (data && data.length > "data: ".length) received.push((JSON.parse(data.slice(6)) as { data: Data }).data);
          buffer = buffer.slice(end + 2);
          end = buffer.indexOf("\n\n");
        }
      }
    } catch {
      // aborted at the end of the test
    }
  })();
  return { received };
}
