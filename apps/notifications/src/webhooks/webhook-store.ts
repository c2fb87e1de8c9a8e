import { z } from "zod";
import type { Database } from "@lienthong/store/collection";

export const WEBHOOKS = "webhooks";

const webhookSchema = z.object({
  _id: z.string(),
  /** The unit whose events it receives, or "*" for every unit (city admins only). */
  unit: z.string(),
  url: z.string(),
  eventTypes: z.array(z.string()),
  /** Kept to sign deliveries; never returned through GraphQL. */
  secret: z.string(),
  createdBy: z.string(),
  createdAt: z.string(),
  active: z.boolean(),
});

export type Webhook = z.infer<typeof webhookSchema>;

export function createWebhookStore(db: Database) {
  const collection = db.collection<Webhook>(WEBHOOKS);
  return {
    async ensureIndexes(): Promise<void> {
      await collection.createIndex({ eventTypes: 1 });
    },
    async insert(webhook: Webhook): Promise<void> {
      await collection.insertOne(webhook);
    },
    async byId(id: string): Promise<Webhook | null> {
      const doc = await collection.findOne({ _id: id });
      return doc === null ? null : webhookSchema.parse(doc);
    },
    /** Active webhooks that want this event type from this unit. */
    async listening(eventType: string, unit: string | undefined): Promise<Webhook[]> {
      const units = unit === undefined ? ["*"] : ["*", unit];
      const docs = await collection.find({ active: true, eventTypes: eventType, unit: { $in: units } }, { sort: { _id: 1 } }).toArray();
      return docs.map((doc) => webhookSchema.parse(doc));
    },
    /** Webhooks of these units; undefined = every unit. */
    async list(units: string[] | undefined): Promise<Webhook[]> {
      const docs = await collection.find(units === undefined ? {} : { unit: { $in: units } }, { sort: { _id: 1 } }).toArray();
      return docs.map((doc) => webhookSchema.parse(doc));
    },
  };
}

export type WebhookStore = ReturnType<typeof createWebhookStore>;
