import { request as httpRequest, type IncomingHttpHeaders, type ServerResponse } from "node:http";
import { expectVietnamese } from "@lienthong/testing/vietnamese";
import { describe, expect, it } from "vitest";
import type { GatewayDeps } from "../src/app";
import { startReadyGateway, VALID_TOKEN } from "./support/gateway-stack";
import { startTasksSubgraph, startUnitsSubgraph, type OtherRoutes } from "./support/test-subgraphs";

interface ReportCall {
  url: string;
  headers: IncomingHttpHeaders;
}

const CSV = "unit,total\r\n26734,3\r\n79000,0\r\n";

/** The tasks stand-in's report routes: tasks.csv answers like the real one; the others hold or misbehave on purpose. */
function reportRoutes(calls: ReportCall[], release: Promise<void>): OtherRoutes {
  return (req, res) => {
    const url = req.url ?? "/";
    if (!url.startsWith("/reports/") && url !== "/internal") return false;
    calls.push({ url, headers: req.headers });
    const path = url.split("?", 1)[0];
    if (path === "/reports/tasks.csv") {
      if (req.headers.authorization !== `Bearer ${VALID_TOKEN}`) return json(res, 401, { error: { code: "UNAUTHENTICATED" } });
      res.writeHead(200, { "content-type": "text/csv; charset=utf-8", "content-disposition": 'attachment; filename="tasks-report.csv"' });
      res.end(CSV);
    } else if (path === "/reports/streamed.csv") {
      res.writeHead(200, { "content-type": "text/csv; charset=utf-8" });
      res.write("first,row\r\n");
      void release.then(() => res.end("second,row\r\n"));
    } else if (path === "/reports/silent.csv") {
      void release.then(() => res.end());
    } else {
      json(res, 200, { secret: true });
    }
    return true;
  };
}

function json(res: ServerResponse, status: number, body: unknown): true {
  res.writeHead(status, { "content-type": "application/json" });
  res.end(JSON.stringify(body));
  return true;
}

async function startStack(reports?: GatewayDeps["reports"]) {
  const calls: ReportCall[] = [];
  let releaseHeld!: () => void;
  const held = new Promise<void>((resolve) => (releaseHeld = resolve));
  const units = await startUnitsSubgraph();
  const tasks = await startTasksSubgraph(0, reportRoutes(calls, held));
  const { baseUrl } = await startReadyGateway({ subgraphs: [units, tasks], ...(reports ? { reports } : {}) });
  return {
    baseUrl,
    calls,
    releaseHeld,
    async close() {
      releaseHeld();
      await Promise.all([units.close(), tasks.close()]);
    },
  };
}

/** A raw GET, so that paths reach the gateway exactly as written (fetch would normalise "/reports/../x"). */
function rawGet(baseUrl: string, path: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(`${baseUrl}${path}`, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on("error", reject);
    req.end();
  });
}

describe("CSV reports through the gateway", () => {
  it("forwards /reports/tasks.csv with its query, the token and the correlation id, and passes status, type and file name back", async () => {
    const stack = await startStack();
    try {
      const response = await fetch(`${stack.baseUrl}/reports/tasks.csv?units=26734,79000&from=2026-01-01`, {
        headers: { authorization: `Bearer ${VALID_TOKEN}`, "x-correlation-id": "report-7" },
      });

      expect(response.status).toBe(200);
      expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
      expect(response.headers.get("content-disposition")).toBe('attachment; filename="tasks-report.csv"');
      expect(response.headers.get("x-correlation-id")).toBe("report-7");
      expect((await response.text()).trimEnd().split("\r\n")).toHaveLength(3);
      expect(stack.calls).toEqual([
        {
          url: "/reports/tasks.csv?units=26734,79000&from=2026-01-01",
          headers: expect.objectContaining({ authorization: `Bearer ${VALID_TOKEN}`, "x-correlation-id": "report-7" }),
        },
      ]);
    } finally {
      await stack.close();
    }
  });

  it("passes the subgraph's refusal through unchanged when the token is missing", async () => {
    const stack = await startStack();
    try {
      const response = await fetch(`${stack.baseUrl}/reports/tasks.csv`);
      expect(response.status).toBe(401);
      expect(await response.json()).toEqual({ error: { code: "UNAUTHENTICATED" } });
    } finally {
      await stack.close();
    }
  });

  it("streams the body: the first rows arrive while the subgraph is still writing", async () => {
    const stack = await startStack();
    try {
      const response = await fetch(`${stack.baseUrl}/reports/streamed.csv`);
      const reader = (response.body as ReadableStream<Uint8Array>).getReader();
      const decoder = new TextDecoder();
      // The subgraph writes the second row only after this first read: a buffering proxy would never get here.
      expect(decoder.decode((await reader.read()).value)).toBe("first,row\r\n");
      stack.releaseHeld();
      let rest = "";
      for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) rest += decoder.decode(chunk.value);
      expect(rest).toBe("second,row\r\n");
    } finally {
      await stack.close();
    }
  });

  it("reaches only report files on the reports subgraph: any other path is 404 and never forwarded", async () => {
    const stack = await startStack();
    try {
      for (const path of [
        "/reports/%2e%2e/internal",
        "/reports/..%2finternal",
        "/reports/tasks.txt",
        "/reports/",
        "/reports/a/b.csv",
        "/internal",
      ]) {
        expect(await rawGet(stack.baseUrl, path), path).toBe(404);
      }
      const post = await fetch(`${stack.baseUrl}/reports/tasks.csv`, {
        method: "POST",
        headers: { authorization: `Bearer ${VALID_TOKEN}` },
      });
      expect(post.status).toBe(404);
      expect(stack.calls).toEqual([]);
    } finally {
      await stack.close();
    }
  });

  it("answers 504 with a code when the subgraph does not answer in time, and 502 when it is down", async () => {
    const stack = await startStack({ headersTimeoutMs: 200 });
    try {
      const silent = await fetch(`${stack.baseUrl}/reports/silent.csv`);
      expect(silent.status).toBe(504);
      const timedOut = await silent.json();
      expect(timedOut).toMatchObject({ error: { code: "GATEWAY_TIMEOUT" } });
      expectVietnamese(timedOut);
    } finally {
      await stack.close();
    }

    const units = await startUnitsSubgraph();
    const tasks = await startTasksSubgraph();
    const { baseUrl } = await startReadyGateway({ subgraphs: [units, { name: "tasks", url: tasks.url }] });
    await tasks.close();
    try {
      const down = await fetch(`${baseUrl}/reports/tasks.csv`);
      expect(down.status).toBe(502);
      const unreachable = await down.json();
      expect(unreachable).toMatchObject({ error: { code: "BAD_GATEWAY" } });
      expectVietnamese(unreachable);
    } finally {
      await units.close();
    }
  });

  it("has no report routes when no subgraph serves reports", async () => {
    const units = await startUnitsSubgraph();
    try {
      const { baseUrl } = await startReadyGateway({ subgraphs: [units], reports: { subgraph: "tasks" } });
      expect((await fetch(`${baseUrl}/reports/tasks.csv`)).status).toBe(404);
    } finally {
      await units.close();
    }
  });
});
