import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Envelope } from "@lienthong/contracts/envelope";
import { openEmbeddedBus } from "../src/embedded-bus";
import { DEAD_LETTER_COLLECTION } from "../src/embedded-consumer";
import { describeBusContract } from "./bus-contract";
import { embeddedHarness, embeddedStoreDir } from "./embedded-harness";
import { taskCreated, taskCreatedEnvelope, waitFor } from "./fixtures";

describe("embedded bus (embedded store in a temp dir)", () => {
  describeBusContract("EventBus contract", embeddedHarness);

  describe("after a restart over the same store", () => {
    let storeDir: Awaited<ReturnType<typeof embeddedStoreDir>>;
    beforeEach(async () => {
      storeDir = await embeddedStoreDir();
    });
    afterEach(async () => {
      await storeDir.remove();
    });

    it("resumes each durable: acknowledged events are not redelivered, unacknowledged ones are", async () => {
      const [one, two, three] = [taskCreatedEnvelope(), taskCreatedEnvelope(), taskCreatedEnvelope()];
      const before = await openEmbeddedBus({ db: await storeDir.open() });
      const handledBefore: string[] = [];
      let attemptsOnTwo = 0;
      await before.consume({
        durable: "notifications.feed",
        subject: taskCreated.subject,
        backoff: [60_000],
        handler: async (envelope) => {
          if (envelope.id === two.id) {
            attemptsOnTwo += 1;
            throw new Error("feed store offline");
          }
          handledBefore.push(envelope.id);
        },
      });
      await before.publish(one);
      await before.publish(two);
      await waitFor("the failed attempt on the second event", () => attemptsOnTwo === 1);
      await before.close();

      const after = await openEmbeddedBus({ db: await storeDir.open() });
      await after.publish(three);
      const handledAfter: Envelope[] = [];
      await after.consume({
        durable: "notifications.feed",
        subject: taskCreated.subject,
        handler: async (envelope) => void handledAfter.push(envelope),
      });
      await waitFor("the pending and the new event", () => handledAfter.length === 2);
      await after.close();

      expect(handledBefore).toEqual([one.id]);
      expect(handledAfter).toEqual([two, three]);
    });

    it("keeps counting failed deliveries across the restart, so a poison event still ends in dead letters", async () => {
      const poison = taskCreatedEnvelope();
      const failing = { durable: "tasks.poisoned", subject: taskCreated.subject, maxDeliver: 2, backoff: [60_000] };
      let attempts = 0;
      const handler = async () => {
        attempts += 1;
        throw new Error("cannot assign task to dissolved unit 26734");
      };
      const before = await openEmbeddedBus({ db: await storeDir.open() });
      await before.consume({ ...failing, handler });
      await before.publish(poison);
      await waitFor("the first failure", () => attempts === 1);
      await before.close();

      const db = await storeDir.open();
      const after = await openEmbeddedBus({ db });
      await after.consume({ ...failing, handler });
      const letters = db.collection(DEAD_LETTER_COLLECTION);
      await waitFor("a dead letter", async () => (await letters.countDocuments({ durable: "tasks.poisoned" })) === 1);
      await after.close();

      expect(attempts).toBe(2);
      expect(await letters.findOne({ durable: "tasks.poisoned" })).toMatchObject({
        deliveries: 2,
        reason: "cannot assign task to dissolved unit 26734",
        envelope: poison,
      });
    });
  });
});
