import { pino } from "pino";
import { onTestFinished, describe, expect, it } from "vitest";
import { openEmbeddedBus } from "@lienthong/bus/embedded-bus";
import { periodic } from "@lienthong/calendar/periodic";
import { openEmbeddedStore } from "@lienthong/store/embedded";
import { tempDir } from "@lienthong/testing/temp-dir";
import { createReadiness } from "../src/readiness";
import { sampleSubgraph } from "./helpers";

async function embeddedBus() {
  const dir = tempDir("subgraph-readiness-");
  const store = await openEmbeddedStore({ dir: dir.path });
  const bus = await openEmbeddedBus({ db: store.db("bus") });
  onTestFinished(async () => {
    await bus.close();
    await store.close();
    await dir.remove();
  });
  return bus;
}

async function readyz(subgraph: ReturnType<typeof sampleSubgraph>) {
  const response = await subgraph.app.request("/readyz");
  return { status: response.status, body: (await response.json()) as { status: string; started: boolean; checks: Record<string, string> } };
}

describe("/readyz", () => {
  it("answers 503 until start-up has finished, then names each consumer and schedule", async () => {
    const readiness = createReadiness();
    const subgraph = sampleSubgraph({ readiness });
    const bus = readiness.consumers(await embeddedBus());
    const sweep = readiness.schedule(
      "sample sweep",
      periodic({ name: "sample sweep", intervalMs: 60_000, run: async () => 0, log: pino({ level: "silent" }) }),
    );

    expect(await readyz(subgraph)).toEqual({
      status: 503,
      body: { status: "not ready", started: false, checks: { "sample sweep": "stopped" } },
    });

    await bus.consume({ durable: "sample.units", subject: "lt.directory.>", handler: async () => undefined });
    await sweep.start();
    expect((await readyz(subgraph)).status).toBe(503);

    readiness.started();
    expect(await readyz(subgraph)).toEqual({
      status: 200,
      body: { status: "ready", started: true, checks: { "sample.units": "running", "sample sweep": "running" } },
    });
    await sweep.stop();
  });

  it("answers 503 and names the consumer while one has stopped, and once the service is stopping", async () => {
    const readiness = createReadiness();
    const subgraph = sampleSubgraph({ readiness });
    const bus = readiness.consumers(await embeddedBus());
    const units = await bus.consume({ durable: "sample.units", subject: "lt.directory.>", handler: async () => undefined });
    await bus.consume({ durable: "sample.tasks", subject: "lt.tasks.>", handler: async () => undefined });
    readiness.started();
    expect((await readyz(subgraph)).status).toBe(200);

    await units.stop();
    expect(await readyz(subgraph)).toEqual({
      status: 503,
      body: { status: "not ready", started: true, checks: { "sample.units": "stopped", "sample.tasks": "running" } },
    });

    readiness.stopping();
    expect((await readyz(subgraph)).body).toMatchObject({ status: "not ready", started: false });
  });

  it("is always ready for a subgraph without consumers or schedules", async () => {
    expect(await readyz(sampleSubgraph())).toEqual({ status: 200, body: { status: "ready", started: true, checks: {} } });
  });
});
