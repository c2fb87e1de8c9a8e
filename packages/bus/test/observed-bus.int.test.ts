import { describe, expect, it, onTestFinished } from "vitest";
import { z } from "zod";
import { buildEnvelope, declareEvent } from "@lienthong/contracts/registry";
import { openEmbeddedStore } from "@lienthong/store/embedded";
import { tempDir } from "@lienthong/testing/temp-dir";
import { openEmbeddedBus } from "../src/embedded-bus";
import { observedBus } from "../src/observed-bus";

const pinged = declareEvent({ service: "tasks", aggregate: "probe", event: "pinged", version: 1, schema: z.object({ n: z.number() }) });

function registry() {
  const counts = new Map<string, number>();
  return {
    counts,
    counter: (name: string) => ({
      inc: (labels?: Record<string, string>) =>
        counts.set(`${name} ${JSON.stringify(labels)}`, (counts.get(`${name} ${JSON.stringify(labels)}`) ?? 0) + 1),
    }),
    gauge: () => undefined,
  };
}

describe("a bus observed for metrics", () => {
  it("counts handled events and handler failures per durable and type, and still retries the failure", async () => {
    const dir = tempDir("observed-bus-");
    onTestFinished(dir.remove);
    const store = await openEmbeddedStore({ dir: dir.path });
    const inner = await openEmbeddedBus({ db: store.db("bus"), pollMs: 20 });
    onTestFinished(async () => {
      await inner.close();
      await store.close();
    });
    const metrics = registry();
    const bus = observedBus(inner, metrics, "notifications");
    let attempts = 0;
    const consumer = await bus.consume({
      durable: "notifications.probe",
      subject: pinged.subject,
      backoff: [10],
      handler: async () => {
        attempts += 1;
        if (attempts === 1) throw new Error("not yet");
      },
    });
    onTestFinished(() => consumer.stop());
    await bus.publish(
      buildEnvelope(pinged, {
        aggregateId: "p-1",
        aggregateVersion: 1,
        data: { n: 1 },
        time: new Date(),
        context: { actor: "t", correlationid: "c" },
      }),
    );

    const labels = JSON.stringify({ service: "notifications", durable: "notifications.probe", type: pinged.type });
    await expect.poll(() => metrics.counts.get(`lt_events_consumed_total ${labels}`)).toBe(1);
    expect(metrics.counts.get(`lt_consumer_failures_total ${labels}`)).toBe(1);
    expect(attempts).toBe(2);
  });
});
