import { randomUUID } from "node:crypto";
import { afterEach, beforeEach, describe } from "vitest";
import type { Database, Document, Store } from "../src/collection";
import { describeAggregation } from "./conformance/aggregation";
import { describeArchive } from "./conformance/archive";
import { describeConcurrency } from "./conformance/concurrency";
import { describeIndexes } from "./conformance/indexes";
import { describeQueries } from "./conformance/queries";
import { describeReadModels } from "./conformance/read-models";
import { describeRepository } from "./conformance/repository";
import { describeUpdates } from "./conformance/updates";
import { describeWrites } from "./conformance/writes";

/** Documents in the suite carry their own string or number ids (one test covers generated ids). */
export interface TestDoc extends Document {
  _id: string | number;
}

/** Gives each test its own, empty database. */
export type CurrentDatabase = () => Database;

/**
 * Every store behaviour services rely on. Runs against the embedded engine always and against
 * MongoDB when MONGODB_URL is set; `open` must return a fresh store (each test uses its own database).
 */
export function describeStoreConformance(label: string, open: () => Promise<Store>): void {
  describe(`store conformance: ${label}`, () => {
    let store: Store | null = null;
    let database: Database | null = null;

    beforeEach(async () => {
      store = await open();
      database = store.db(`conformance_${randomUUID().replaceAll("-", "").slice(0, 16)}`);
    });

    afterEach(async () => {
      await store?.close();
      store = null;
      database = null;
    });

    const db: CurrentDatabase = () => {
      if (!database) throw new Error("no database: the conformance suite opens one before each test");
      return database;
    };

    describeWrites(db);
    describeQueries(db);
    describeUpdates(db);
    describeIndexes(db);
    describeAggregation(db);
    describeConcurrency(db);
    describeRepository(db);
    describeArchive(db);
    describeReadModels(db);
  });
}
