import { openEmbeddedStore } from "@lienthong/store/embedded";
import type { Database, Store } from "@lienthong/store/collection";
import { tempDir } from "@lienthong/testing/temp-dir";
import { parseDeadLetter } from "../src/event-bus";
import { openEmbeddedBus } from "../src/embedded-bus";
import { DEAD_LETTER_COLLECTION } from "../src/embedded-consumer";
import { appendToLog } from "../src/embedded-log";
import type { BusHarness } from "./bus-contract";

/** A fresh embedded store in a temp dir, reopenable to simulate a process restart. */
export async function embeddedStoreDir() {
  const dir = tempDir("lienthong-bus-");
  let store: Store | undefined;
  return {
    async open(): Promise<Database> {
      await store?.close();
      store = await openEmbeddedStore({ dir: dir.path });
      return store.db("tasks");
    },
    async remove() {
      await store?.close();
      await dir.remove();
    },
  };
}

export async function embeddedHarness(): Promise<BusHarness> {
  const storeDir = await embeddedStoreDir();
  const db = await storeDir.open();
  const bus = await openEmbeddedBus({ db, pollMs: 50 });
  return {
    bus,
    async publishRaw(subject, payload) {
      await appendToLog(db, { subject, payload });
    },
    async deadLetters(durable) {
      const documents = await db
        .collection(DEAD_LETTER_COLLECTION)
        .find({ durable }, { sort: { seq: 1 } })
        .toArray();
      return documents.map(({ _id: _key, seq: _seq, ...letter }) => parseDeadLetter(letter));
    },
    async close() {
      await bus.close();
      await storeDir.remove();
    },
  };
}
