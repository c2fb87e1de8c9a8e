import type { EventBus, Consumer } from "@lienthong/bus/event-bus";
import { directoryEvents } from "@lienthong/contracts/directory";
import { streamSubjects } from "@lienthong/contracts/registry";
import { tasksStreamEvents } from "@lienthong/contracts/tasks";
import type { Dispatcher } from "./dispatcher";

/** The services whose events the notifications service follows: one durable consumer per stream. */
export const SUBSCRIPTIONS = [
  { durable: "notifications.directory", service: "directory", events: directoryEvents },
  { durable: "notifications.tasks", service: "tasks", events: tasksStreamEvents },
] as const;

/** WEBHOOK_EVENT_TYPES: the event types a webhook may ask for (every event of the followed streams). */
export const WEBHOOK_EVENT_TYPES: readonly string[] = SUBSCRIPTIONS.flatMap(({ events }) => events.map((event) => event.type));

/**
 * Starts the durable consumers. At-least-once: an event is acknowledged after the dispatcher's writes,
 * and the dispatcher is idempotent, so a redelivery changes nothing.
 */
export async function startSubscribers(bus: EventBus, dispatcher: Dispatcher): Promise<Consumer[]> {
  const consumers: Consumer[] = [];
  for (const subscription of SUBSCRIPTIONS) {
    consumers.push(
      await bus.consume({
        durable: subscription.durable,
        subject: streamSubjects(subscription.service),
        events: [...subscription.events],
        handler: (envelope) => dispatcher.handle(envelope),
        maxDeliver: 8,
        backoff: [250, 1000, 5000, 15000],
      }),
    );
  }
  return consumers;
}
