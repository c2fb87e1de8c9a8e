import { z } from "zod";
import type { Database, Filter } from "@lienthong/store/collection";
import { insertIfAbsent } from "@lienthong/store/insert-if-absent";
import { NOTIFICATION_KINDS } from "../rules/kinds";

export const NOTIFICATIONS = "notifications";

const notificationSchema = z.object({
  _id: z.string(),
  recipient: z.string(),
  kind: z.enum(NOTIFICATION_KINDS),
  title: z.string(),
  body: z.string(),
  eventId: z.string(),
  eventType: z.string(),
  taskId: z.string().optional(),
  unit: z.string().optional(),
  createdAt: z.string(),
  readAt: z.string().nullable(),
  /** createdAt + id: a unique, time-ordered cursor for the feed. */
  order: z.string(),
});

export type StoredNotification = z.infer<typeof notificationSchema>;
export type NewNotification = Omit<StoredNotification, "readAt" | "order">;

export interface FeedWindow {
  /** Cursors of the page boundaries (exclusive). */
  after?: string;
  before?: string;
  limit: number;
  /** True when paging backwards (oldest first). */
  inverted: boolean;
}

export function createNotificationStore(db: Database) {
  const collection = db.collection<StoredNotification>(NOTIFICATIONS);
  const feedFilter = (recipient: string, unreadOnly: boolean): Filter<StoredNotification> => ({
    recipient,
    ...(unreadOnly ? { readAt: null } : {}),
  });

  return {
    async ensureIndexes(): Promise<void> {
      await collection.createIndex({ recipient: 1, order: -1 });
      await collection.createIndex({ recipient: 1, readAt: 1 });
    },
    /** Inserts unless the same id exists; returns the stored notification only when this call created it. */
    async insertIfAbsent(notification: NewNotification): Promise<StoredNotification | null> {
      const doc: StoredNotification = { ...notification, readAt: null, order: `${notification.createdAt}|${notification._id}` };
      return (await insertIfAbsent(collection, doc)) ? doc : null;
    },
    count: (recipient: string, unreadOnly: boolean): Promise<number> => collection.countDocuments(feedFilter(recipient, unreadOnly)),
    /** Newest first; each page follows the cursor it was asked after. */
    async page(recipient: string, unreadOnly: boolean, window: FeedWindow): Promise<StoredNotification[]> {
      const order: { $lt?: string; $gt?: string } = {};
      if (window.after !== undefined) order.$lt = window.after;
      if (window.before !== undefined) order.$gt = window.before;
      const filter = { ...feedFilter(recipient, unreadOnly), ...(Object.keys(order).length > 0 ? { order } : {}) };
      const docs = await collection.find(filter, { sort: { order: window.inverted ? 1 : -1 }, limit: window.limit }).toArray();
      return docs.map((doc) => notificationSchema.parse(doc));
    },
    /** Marks the recipient's own notifications read; ids of other people's notifications change nothing. */
    async markRead(recipient: string, ids: readonly string[], at: string): Promise<StoredNotification[]> {
      await collection.updateMany({ recipient, _id: { $in: [...ids] }, readAt: null }, { $set: { readAt: at } });
      const docs = await collection.find({ recipient, _id: { $in: [...ids] } }).toArray();
      return docs.map((doc) => notificationSchema.parse(doc));
    },
    async markAllRead(recipient: string, at: string): Promise<number> {
      const result = await collection.updateMany({ recipient, readAt: null }, { $set: { readAt: at } });
      return result.modifiedCount;
    },
    /** For tests and the restart check: how many exist for one event. */
    countForEvent: (eventId: string): Promise<number> => collection.countDocuments({ eventId }),
  };
}

export type NotificationStore = ReturnType<typeof createNotificationStore>;
