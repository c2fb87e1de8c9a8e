import { createHash } from "node:crypto";

export const CHANNELS = ["in_app", "email", "webhook"] as const;
export type Channel = (typeof CHANNELS)[number];

/**
 * The same (event, recipient, channel) always gets the same id, so a redelivered event inserts nothing
 * new: the store's unique _id turns the second attempt into a duplicate-key no-op.
 */
export function effectId(eventId: string, recipient: string, channel: Channel): string {
  return createHash("sha256").update(`${eventId}\n${recipient}\n${channel}`).digest("base64url").slice(0, 32);
}
