import { describe, it } from "vitest";
import type { Db } from "mongodb";
import type { Store } from "../src/collection";
import { connectMongo } from "../src/mongo";
import { describeStoreConformance } from "./conformance";

const url = process.env.MONGODB_URL;

if (url) {
  describeStoreConformance("mongodb", async () => {
    const store = await connectMongo(url);
    const used = new Set<string>();
    const wrapped: Store = {
      db: (name) => {
        used.add(name);
        return store.db(name);
      },
      close: async () => {
        try {
          for (const name of used) await (store.db(name) as Db).dropDatabase();
        } finally {
          await store.close();
        }
      },
    };
    return wrapped;
  });
} else {
  describe.skip("SKIPPED: MONGODB_URL not set — the store conformance suite did NOT run against MongoDB", () => {
    it("runs only when MONGODB_URL points at a MongoDB server", () => {});
  });
}
