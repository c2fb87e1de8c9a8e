import { spawn } from "node:child_process";
import { createServer } from "node:net";
import { freePort } from "@lienthong/testing/free-port";
import { findNatsServer, planNatsSuite } from "@lienthong/testing/nats-server";
import { tempDir } from "@lienthong/testing/temp-dir";
import { describe, expect, it, onTestFinished } from "vitest";
import { z } from "zod";
import { createSubgraph } from "../src/create-subgraph";
import { createReadiness } from "../src/readiness";
import { PortTakenError, startService, type ServiceDefinition, type ServiceDeps, type ServiceEnv } from "../src/run-service";
import { captureLog } from "./helpers";
import { createSampleSchema } from "./sample-schema";

const sampleService: ServiceDefinition<ServiceEnv, Awaited<ReturnType<typeof buildSample>>> = {
  name: "sample",
  env: z.custom<ServiceEnv>(),
  build: buildSample,
};

async function buildSample(deps: ServiceDeps<ServiceEnv>) {
  const readiness = createReadiness();
  const bus = readiness.consumers(deps.bus);
  let consumer: { stop(): Promise<void> } | undefined;
  const subgraph = createSubgraph({ name: "sample", schema: createSampleSchema(), verifier: deps.verifier, log: deps.log, readiness });
  return {
    subgraph,
    async start() {
      consumer = await bus.consume({ durable: "sample.units", subject: "lt.directory.>", handler: async () => undefined });
      readiness.started();
    },
    async stop() {
      readiness.stopping();
      await consumer?.stop();
    },
  };
}

function configFor(dataDir: string, overrides: Partial<ServiceEnv> = {}): ServiceEnv {
  return { PORT: 0, HOST: "127.0.0.1", DATA_DIR: dataDir, LOG_LEVEL: "info", NODE_ENV: "test", ...overrides };
}

function dataDir() {
  const dir = tempDir("subgraph-run-service-");
  onTestFinished(dir.remove);
  return dir.path;
}

describe("startService", () => {
  it("listens, reports the consumer in /readyz once started, and stops gracefully", async () => {
    const { log } = captureLog();
    const service = await startService(sampleService, configFor(dataDir()), { log });
    const base = `http://127.0.0.1:${service.port}`;
    const ready = await fetch(`${base}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: "ready", started: true, checks: { "sample.units": "running" } });
    await service.stop();
    await expect(fetch(`${base}/healthz`)).rejects.toThrow();
  });

  it("says which variable to change when the port is taken, and leaves nothing open", async () => {
    const taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, "127.0.0.1", resolve));
    onTestFinished(() => new Promise<void>((resolve) => taken.close(() => resolve())));
    const port = (taken.address() as { port: number }).port;
    const dir = dataDir();

    const failed = startService(sampleService, configFor(dir, { PORT: port }), { log: captureLog().log });
    await expect(failed).rejects.toThrow(PortTakenError);
    await expect(failed).rejects.toThrow(`port ${port} is taken: set PORT`);

    // The embedded store was closed again: the same data folder opens at once for the next attempt.
    const retried = await startService(sampleService, configFor(dir), { log: captureLog().log });
    await retried.stop();
  });
});

const nats = planNatsSuite("startService with NATS");
describe.skipIf(nats.skip)(nats.title, () => {
  it("waits for a NATS server that is not up yet, saying so in the log, then starts", async () => {
    const natsPort = await freePort();
    const captured = captureLog();
    const starting = startService(sampleService, configFor(dataDir(), { NATS_URL: `nats://127.0.0.1:${natsPort}` }), {
      log: captured.log,
    });
    await expect
      .poll(() => captured.lines.find((line) => line.msg === `waiting for NATS at nats://127.0.0.1:${natsPort}`))
      .toMatchObject({ level: 40, attempt: 1 });

    const storeDir = dataDir();
    const server = spawn(findNatsServer() as string, ["-a", "127.0.0.1", "-p", String(natsPort), "-js", "-sd", storeDir], {
      stdio: "ignore",
    });
    onTestFinished(
      () => new Promise<void>((resolve) => (server.exitCode === null ? server.once("exit", () => resolve()).kill() : resolve())),
    );

    const service = await starting;
    expect((await fetch(`http://127.0.0.1:${service.port}/readyz`)).status).toBe(200);
    await service.stop();
  });

  it("gives up waiting when told to stop during start-up", async () => {
    const natsPort = await freePort();
    const captured = captureLog();
    const abort = new AbortController();
    const starting = startService(sampleService, configFor(dataDir(), { NATS_URL: `nats://127.0.0.1:${natsPort}` }), {
      log: captured.log,
      signal: abort.signal,
    });
    await expect.poll(() => captured.lines.some((line) => String(line.msg).startsWith("waiting for NATS"))).toBe(true);
    abort.abort();
    await expect(starting).rejects.toThrow();
  });
});
