import { z } from "zod";
import type { Database } from "@lienthong/store/collection";
import { insertIfAbsent } from "@lienthong/store/insert-if-absent";

export const DELIVERIES = "webhook_deliveries";
export const DELIVERY_STATUSES = ["pending", "succeeded", "failed"] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

const deliverySchema = z.object({
  _id: z.string(),
  webhookId: z.string(),
  eventId: z.string(),
  eventType: z.string(),
  /** The CloudEvents JSON exactly as sent and signed. */
  body: z.string(),
  status: z.enum(DELIVERY_STATUSES),
  attempts: z.number().int(),
  /** The schedule lives here, so a restarted process resumes the retries where they stood. */
  nextAttemptAt: z.string(),
  lastError: z.string().optional(),
  lastStatusCode: z.number().int().optional(),
  createdAt: z.string(),
  deliveredAt: z.string().optional(),
});

export type WebhookDelivery = z.infer<typeof deliverySchema>;

export function createDeliveryStore(db: Database) {
  const collection = db.collection<WebhookDelivery>(DELIVERIES);
  const parse = (doc: unknown) => deliverySchema.parse(doc);
  return {
    async ensureIndexes(): Promise<void> {
      await collection.createIndex({ status: 1, nextAttemptAt: 1 });
      await collection.createIndex({ webhookId: 1, createdAt: -1 });
    },
    /** One delivery per (event, webhook): false when it already exists. */
    async enqueue(delivery: Omit<WebhookDelivery, "status" | "attempts">): Promise<boolean> {
      return insertIfAbsent(collection, { ...delivery, status: "pending", attempts: 0 });
    },
    async due(now: string, limit: number): Promise<WebhookDelivery[]> {
      const docs = await collection
        .find({ status: "pending", nextAttemptAt: { $lte: now } }, { sort: { nextAttemptAt: 1 }, limit })
        .toArray();
      return docs.map(parse);
    },
    /**
     * Takes a due delivery by pushing its next attempt out by a lease: another instance cannot take it meanwhile,
     * and if this process dies mid-request the delivery is tried again when the lease runs out.
     */
    async claim(delivery: WebhookDelivery, leaseUntil: string): Promise<boolean> {
      const claimed = await collection.findOneAndUpdate(
        { _id: delivery._id, status: "pending", nextAttemptAt: delivery.nextAttemptAt },
        { $set: { nextAttemptAt: leaseUntil } },
        { returnDocument: "after" },
      );
      return claimed !== null;
    },
    async recordSuccess(id: string, statusCode: number, at: string): Promise<void> {
      await collection.updateOne(
        { _id: id },
        { $set: { status: "succeeded", lastStatusCode: statusCode, deliveredAt: at }, $inc: { attempts: 1 } },
      );
    },
    async recordFailure(id: string, failure: { error: string; statusCode?: number | undefined; retryAt: string | null }): Promise<void> {
      const set: Partial<WebhookDelivery> = {
        lastError: failure.error,
        ...(failure.statusCode === undefined ? {} : { lastStatusCode: failure.statusCode }),
      };
      if (failure.retryAt === null) set.status = "failed";
      else set.nextAttemptAt = failure.retryAt;
      await collection.updateOne({ _id: id }, { $set: set, $inc: { attempts: 1 } });
    },
    /** A failed (or succeeded) delivery goes out again now, with a fresh set of attempts. */
    async requeue(id: string, now: string): Promise<WebhookDelivery | null> {
      return collection
        .findOneAndUpdate(
          { _id: id, status: { $ne: "pending" } },
          { $set: { status: "pending", attempts: 0, nextAttemptAt: now } },
          { returnDocument: "after" },
        )
        .then((doc) => (doc === null ? null : parse(doc)));
    },
    async byId(id: string): Promise<WebhookDelivery | null> {
      const doc = await collection.findOne({ _id: id });
      return doc === null ? null : parse(doc);
    },
    count: (webhookId: string, status?: DeliveryStatus): Promise<number> =>
      collection.countDocuments({ webhookId, ...(status ? { status } : {}) }),
    async list(
      webhookId: string,
      status: DeliveryStatus | undefined,
      window: { offset: number; limit: number },
    ): Promise<WebhookDelivery[]> {
      const docs = await collection
        .find({ webhookId, ...(status ? { status } : {}) }, { sort: { createdAt: -1, _id: 1 }, skip: window.offset, limit: window.limit })
        .toArray();
      return docs.map(parse);
    },
  };
}

export type DeliveryStore = ReturnType<typeof createDeliveryStore>;
