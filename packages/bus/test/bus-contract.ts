import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Envelope } from "@lienthong/contracts/envelope";
import type { DeadLetter, EventBus } from "../src/event-bus";
import { taskCreated, taskCreatedEnvelope, waitFor } from "./fixtures";

/** One adapter under test, fresh for every test (own store dir / own nats-server). */
export interface BusHarness {
  bus: EventBus;
  /** Puts a message on the bus the way a foreign producer could, bypassing publish-side validation. */
  publishRaw(subject: string, payload: string): Promise<void>;
  deadLetters(durable: string): Promise<DeadLetter[]>;
  close(): Promise<void>;
}

const FAST = { maxDeliver: 3, backoff: [20, 20, 20] };

/** Every EventBus adapter must pass this suite. */
export function describeBusContract(label: string, makeHarness: () => Promise<BusHarness>): void {
  describe(label, () => {
    let harness: BusHarness;
    beforeEach(async () => {
      harness = await makeHarness();
    });
    afterEach(async () => {
      await harness.close();
    });

    const collect = async (durable: string, subject = taskCreated.subject) => {
      const seen: Envelope[] = [];
      const consumer = await harness.bus.consume({ durable, subject, handler: async (envelope) => void seen.push(envelope), ...FAST });
      return { seen, consumer };
    };

    it("delivers a published event to a durable consumer with every envelope field", async () => {
      const { seen } = await collect("notifications.on-task-created");
      const envelope = taskCreatedEnvelope();
      await harness.bus.publish(envelope);
      await waitFor("the event", () => seen.length === 1);
      expect(seen).toEqual([envelope]);
    });

    it("resumes a durable after stop without redelivering acknowledged events", async () => {
      const first = await collect("notifications.feed");
      const [one, two, three] = [taskCreatedEnvelope(), taskCreatedEnvelope(), taskCreatedEnvelope()];
      await harness.bus.publish(one);
      await harness.bus.publish(two);
      await waitFor("the first two events", () => first.seen.length === 2);
      await first.consumer.stop();

      await harness.bus.publish(three);
      const second = await collect("notifications.feed");
      await waitFor("the third event", () => second.seen.length === 1);
      expect(first.seen.map((event) => event.id)).toEqual([one.id, two.id]);
      expect(second.seen.map((event) => event.id)).toEqual([three.id]);
    });

    it("retries a failing handler with backoff and applies its effect once when it recovers", async () => {
      let deliveries = 0;
      let effects = 0;
      await harness.bus.consume({
        durable: "tasks.flaky",
        subject: taskCreated.subject,
        ...FAST,
        maxDeliver: 5,
        handler: async () => {
          deliveries += 1;
          if (deliveries <= 2) throw new Error("unit directory unavailable");
          effects += 1;
        },
      });
      await harness.bus.publish(taskCreatedEnvelope());
      await waitFor("the recovered delivery", () => effects === 1);
      expect({ deliveries, effects }).toEqual({ deliveries: 3, effects: 1 });
      expect(await harness.deadLetters("tasks.flaky")).toEqual([]);
    });

    it("dead-letters an event whose handler always fails, with the error text, after maxDeliver deliveries", async () => {
      let deliveries = 0;
      await harness.bus.consume({
        durable: "tasks.hopeless",
        subject: taskCreated.subject,
        ...FAST,
        handler: async () => {
          deliveries += 1;
          throw new Error("unit 26740 has no chairperson");
        },
      });
      const envelope = taskCreatedEnvelope();
      await harness.bus.publish(envelope);
      await waitFor("a dead letter", async () => (await harness.deadLetters("tasks.hopeless")).length === 1);
      const [letter] = await harness.deadLetters("tasks.hopeless");
      expect(letter).toMatchObject({ durable: "tasks.hopeless", subject: taskCreated.subject, deliveries: 3, envelope });
      expect(letter?.reason).toContain("unit 26740 has no chairperson");
      expect(deliveries).toBe(3);
    });

    it("dead-letters a malformed message at once, naming the broken field, and keeps consuming", async () => {
      const { seen } = await collect("tasks.strict");
      const broken = { ...taskCreatedEnvelope(), id: "not-a-uuid" };
      await harness.publishRaw(taskCreated.subject, JSON.stringify(broken));
      await harness.publishRaw(taskCreated.subject, "{ this is not json");
      const good = taskCreatedEnvelope();
      await harness.bus.publish(good);

      await waitFor("two dead letters", async () => (await harness.deadLetters("tasks.strict")).length === 2);
      await waitFor("the valid event", () => seen.length === 1);
      const letters = await harness.deadLetters("tasks.strict");
      expect(letters.map((letter) => letter.deliveries)).toEqual([1, 1]);
      expect(letters[0]?.reason).toMatch(/^id: /);
      expect(letters[0]).toMatchObject({ raw: JSON.stringify(broken) });
      expect(letters[1]?.reason).toContain("not valid JSON");
      expect(seen.map((event) => event.id)).toEqual([good.id]);
    });

    it("dead-letters at once an event whose data fails its declaration, naming the field", async () => {
      let deliveries = 0;
      await harness.bus.consume({
        durable: "tasks.validated",
        subject: taskCreated.subject,
        events: [taskCreated],
        ...FAST,
        handler: async () => void (deliveries += 1),
      });
      const invalid = { ...taskCreatedEnvelope(), data: { title: "Họp dân", unit: "Quận 1" } };
      await harness.bus.publish(invalid);
      await waitFor("a dead letter", async () => (await harness.deadLetters("tasks.validated")).length === 1);
      const [letter] = await harness.deadLetters("tasks.validated");
      expect(letter).toMatchObject({ deliveries: 1, envelope: invalid });
      expect(letter?.reason).toContain("data.unit: must be a 5-digit unit code");
      expect(deliveries).toBe(0);
    });

    it("refuses to publish an envelope that fails the envelope schema", async () => {
      const invalid = { ...taskCreatedEnvelope(), time: "yesterday" };
      await expect(harness.bus.publish(invalid)).rejects.toThrow(/time: /);
    });

    it("handles an event published twice only once", async () => {
      const { seen } = await collect("notifications.dedupe");
      const twice = taskCreatedEnvelope();
      const after = taskCreatedEnvelope();
      await harness.bus.publish(twice);
      await harness.bus.publish(twice);
      await harness.bus.publish(after);
      await waitFor("the event after the duplicate", () => seen.some((event) => event.id === after.id));
      expect(seen.map((event) => event.id)).toEqual([twice.id, after.id]);
    });

    it("gives every event to each of two durables", async () => {
      const feed = await collect("notifications.feed");
      const report = await collect("campaigns.reach-report", "lt.tasks.>");
      const events = [taskCreatedEnvelope(), taskCreatedEnvelope(), taskCreatedEnvelope()];
      for (const event of events) await harness.bus.publish(event);
      await waitFor("both durables", () => feed.seen.length === 3 && report.seen.length === 3);
      expect(feed.seen.map((event) => event.id)).toEqual(events.map((event) => event.id));
      expect(report.seen.map((event) => event.id)).toEqual(events.map((event) => event.id));
    });
  });
}
