import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { describe, expect, it, onTestFinished } from "vitest";
import { freePort } from "../src/free-port";
import { graphqlClient } from "../src/graphql-client";
import { tinyGraphql } from "./fixtures/tiny-graphql";

async function serve(port: number): Promise<() => Promise<void>> {
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const headers = new Headers(
        Object.entries(req.headers).flatMap(([name, value]) => (typeof value === "string" ? [[name, value] as [string, string]] : [])),
      );
      const request = new Request(`http://127.0.0.1:${port}${req.url ?? "/"}`, {
        method: req.method,
        headers,
        body: Buffer.concat(chunks),
      });
      void tinyGraphql(request).then(async (response) => {
        res.writeHead(response.status, Object.fromEntries(response.headers));
        res.end(await response.text());
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  return () => new Promise((resolve) => server.close(() => resolve()));
}

describe("graphqlClient over real HTTP", () => {
  it("talks to a server listening on a free port", async () => {
    const port = await freePort();
    onTestFinished(await serve(port));
    const client = graphqlClient(`http://127.0.0.1:${port}/graphql`, { token: "t-1" });
    const result = await client.request<{ hello: string; whoami: string }>("query ($n: String!) { hello(name: $n) whoami }", {
      n: "Côn Đảo",
    });
    expect(result).toMatchObject({ status: 200, data: { hello: "Xin chào, Côn Đảo", whoami: "Bearer t-1" } });
    expect(result.headers.get("content-type")).toBe("application/graphql-response+json");
  });

  it("reports a non-GraphQL answer with its status", async () => {
    const port = await freePort();
    onTestFinished(await serve(port));
    await expect(graphqlClient(`http://127.0.0.1:${port}/other`).request("{ whoami }")).rejects.toThrow(/answered 502/);
  });
});
