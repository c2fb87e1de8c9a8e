import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Envelope } from "@lienthong/contracts/envelope";
import type { Database } from "../src/collection";
import type { EmbeddedStore } from "../src/embedded";
import { applyNewerFields, type ReadModelDocument } from "../src/read-model";
import { expectConvergence, type ReadModelProbe } from "../test-support/read-model-convergence";
import { incremented } from "./support/counter";
import { openTempStore } from "./support/temp-store";

/** A toy copy of counters: each event sets the counter's `last` to its `by`, so the newest event must win. */
interface Copy {
  last: number;
}

let store: EmbeddedStore;
let databases = 0;
beforeAll(async () => {
  store = await openTempStore({ fsync: "never" });
});
afterAll(() => store.close());

const freshDb = (): Database => store.db(`convergence_${++databases}`);
const byOf = (event: Envelope) => (event.data as { by: number }).by;
const events = [incremented("c1", 1, 10), incremented("c1", 2, 20), incremented("c1", 3, 30)];

function probeOf(db: Database, apply: (event: Envelope) => Promise<void>): ReadModelProbe<number | undefined> {
  return { apply, view: async () => (await db.collection<ReadModelDocument<Copy>>("copies").findOne({ _id: "c1" }))?.last };
}

describe("the shared read-model convergence suite", () => {
  it("passes a read model built on applyNewerFields", async () => {
    await expectConvergence({
      events,
      expected: 30,
      async fresh() {
        const db = freshDb();
        const copies = db.collection<ReadModelDocument<Copy>>("copies");
        return probeOf(db, (event) => applyNewerFields<Copy>(copies, event.subject, event.aggregateversion, { last: byOf(event) }));
      },
    });
  });

  it("fails a read model that keeps whatever arrived last", async () => {
    const lastWriteWins = expectConvergence({
      events,
      expected: 30,
      async fresh() {
        const db = freshDb();
        const copies = db.collection<ReadModelDocument<Copy>>("copies");
        return probeOf(db, async (event) => {
          await copies.updateOne({ _id: event.subject }, { $set: { last: byOf(event) } }, { upsert: true });
        });
      },
    });
    await expect(lastWriteWins).rejects.toThrow(/delivered in order/);
  });
});
