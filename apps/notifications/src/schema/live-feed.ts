import { createPubSub } from "graphql-yoga";
import type { StoredNotification } from "../feed/notification-store";

/**
 * New notifications, per recipient, for `Subscription.notificationAdded` in this process. The instance
 * that handles the event publishes; with several instances each must also receive the others' (see README).
 */
export function createLiveFeed() {
  const pubsub = createPubSub<{ notificationAdded: [recipient: string, notification: StoredNotification] }>();
  return {
    publish: (notification: StoredNotification) => pubsub.publish("notificationAdded", notification.recipient, notification),
    subscribe: (recipient: string) => pubsub.subscribe("notificationAdded", recipient),
  };
}

export type LiveFeed = ReturnType<typeof createLiveFeed>;
