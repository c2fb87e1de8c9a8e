import { z } from "zod";
import type { Database } from "@lienthong/store/collection";
import { insertIfAbsent } from "@lienthong/store/insert-if-absent";

export const EMAILS = "email_outbox";

const emailSchema = z.object({
  _id: z.string(),
  recipient: z.string(),
  to: z.string(),
  subject: z.string(),
  text: z.string(),
  eventId: z.string(),
  createdAt: z.string(),
  /** Not sent before this instant (end of the recipient's quiet hours, or the next retry). */
  sendAfter: z.string(),
  /** Held by quiet hours: goes out in one digest with the others held for the same person. */
  held: z.boolean(),
  status: z.enum(["pending", "sending", "sent", "failed"]),
  attempts: z.number().int(),
  lastError: z.string().optional(),
  sentAt: z.string().optional(),
  /** Message-ID of the mail that carried it (a digest carries several). */
  messageId: z.string().optional(),
});

export type QueuedEmail = z.infer<typeof emailSchema>;
export type NewEmail = Pick<QueuedEmail, "_id" | "recipient" | "to" | "subject" | "text" | "eventId" | "createdAt" | "sendAfter" | "held">;

/** Rows of e-mail to send, one per (event, recipient): a redelivered event cannot queue a second one. */
export function createEmailOutbox(db: Database) {
  const collection = db.collection<QueuedEmail>(EMAILS);
  return {
    async ensureIndexes(): Promise<void> {
      await collection.createIndex({ status: 1, sendAfter: 1 });
    },
    async enqueue(email: NewEmail): Promise<boolean> {
      return insertIfAbsent(collection, { ...email, status: "pending", attempts: 0 });
    },
    /** Due rows, and rows left "sending" by a process that died before recording the outcome. */
    async due(now: string, staleBefore: string, limit: number): Promise<QueuedEmail[]> {
      const docs = await collection
        .find(
          {
            $or: [
              { status: "pending", sendAfter: { $lte: now } },
              { status: "sending", sendAfter: { $lte: staleBefore } },
            ],
          },
          { sort: { createdAt: 1 }, limit },
        )
        .toArray();
      return docs.map((doc) => emailSchema.parse(doc));
    },
    /** Takes a row for sending; false when another worker took it first. sendAfter doubles as the lease start. */
    async claim(email: QueuedEmail, now: string): Promise<boolean> {
      const claimed = await collection.findOneAndUpdate(
        { _id: email._id, status: email.status, sendAfter: email.sendAfter },
        { $set: { status: "sending", sendAfter: now } },
        { returnDocument: "after" },
      );
      return claimed !== null;
    },
    async markSent(ids: readonly string[], messageId: string, at: string): Promise<void> {
      await collection.updateMany({ _id: { $in: [...ids] } }, { $set: { status: "sent", sentAt: at, messageId } });
    },
    async markFailed(ids: readonly string[], error: string, retryAt: string | null): Promise<void> {
      await collection.updateMany(
        { _id: { $in: [...ids] } },
        {
          $set: retryAt === null ? { status: "failed", lastError: error } : { status: "pending", lastError: error, sendAfter: retryAt },
          $inc: { attempts: 1 },
        },
      );
    },
    async list(filter: { recipient?: string; eventId?: string } = {}): Promise<QueuedEmail[]> {
      const docs = await collection.find(filter, { sort: { createdAt: 1 } }).toArray();
      return docs.map((doc) => emailSchema.parse(doc));
    },
  };
}

export type EmailOutbox = ReturnType<typeof createEmailOutbox>;
