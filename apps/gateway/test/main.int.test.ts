import { spawn, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { fileURLToPath } from "node:url";
import { describe, expect, it, onTestFinished } from "vitest";
import { waitUntil } from "./support/gateway-stack";
import { freePort, startTasksSubgraph, startUnitsSubgraph } from "./support/test-subgraphs";

const GATEWAY_DIR = fileURLToPath(new URL("..", import.meta.url));

interface GatewayProcess {
  child: ChildProcess;
  stderr: () => string;
  /** The JSON log lines. */
  stdout: () => string;
  exited: Promise<number | null>;
}

function runMain(env: Record<string, string>): GatewayProcess {
  const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
    cwd: GATEWAY_DIR,
    env: { PATH: process.env.PATH ?? "", NODE_ENV: "test", LOG_LEVEL: "warn", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stderr = "";
  let stdout = "";
  child.stderr?.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  child.stdout?.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
  const exited = once(child, "exit").then(([code]) => code as number | null);
  onTestFinished(() => {
    if (child.exitCode === null) child.kill("SIGKILL");
  });
  return { child, stderr: () => stderr, stdout: () => stdout, exited };
}

describe("gateway process (src/main.ts)", () => {
  it("refuses to start with a malformed SUBGRAPHS, naming the variable", async () => {
    const gateway = runMain({ SUBGRAPHS: "directory" });
    expect(await gateway.exited).toBe(1);
    expect(gateway.stderr()).toMatch(/SUBGRAPHS: "directory" must read name=url/);
  });

  it("says which variable to change when its port is taken, and exits 1", async () => {
    const taken = createServer();
    taken.listen(0, "127.0.0.1");
    await once(taken, "listening");
    onTestFinished(() => new Promise<void>((resolve) => taken.close(() => resolve())));
    const { port } = taken.address() as AddressInfo;

    const gateway = runMain({ PORT: String(port), HOST: "127.0.0.1" });
    expect(await gateway.exited).toBe(1);
    const lines = gateway
      .stdout()
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line) as { msg: string; port?: number });
    expect(lines).toContainEqual(
      expect.objectContaining({ port, msg: expect.stringMatching(new RegExp(`^port ${port} is taken: set PORT `)) }),
    );
    expect(gateway.stderr()).not.toMatch(/EADDRINUSE|\bat /);
  });

  it("on SIGTERM lets the request in flight finish, then exits 0", async () => {
    const [units, tasks, port] = await Promise.all([startUnitsSubgraph(), startTasksSubgraph(), freePort()]);
    onTestFinished(() => Promise.all([units.close(), tasks.close()]).then(() => undefined));
    const gateway = runMain({ PORT: String(port), HOST: "127.0.0.1", SUBGRAPHS: `units=${units.url},tasks=${tasks.url}` });
    const base = `http://127.0.0.1:${port}`;
    await waitUntil(
      async () => (await fetch(`${base}/readyz`).catch(() => undefined))?.status === 200,
      "the gateway process is ready",
      20_000,
    );

    const inFlight = fetch(`${base}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: `{ slowEcho(text: "kept", delayMs: 400) }` }),
    }).then((response) => response.json());
    await waitUntil(() => units.slowEchoesStarted() === 1, "the request reaches the subgraph");
    gateway.child.kill("SIGTERM");

    expect(await inFlight).toEqual({ data: { slowEcho: "kept" } });
    expect(await gateway.exited).toBe(0);
    await expect(fetch(`${base}/healthz`)).rejects.toThrow();
  }, 30_000);
});
