import type { Logger } from "pino";
import type { Clock } from "@lienthong/calendar/clock";
import type { Envelope } from "@lienthong/contracts/envelope";
import type { EmailOutbox } from "../email/email-outbox";
import { effectId } from "../feed/notification-id";
import type { NotificationStore, StoredNotification } from "../feed/notification-store";
import { isQuiet, quietEndsAt } from "../preferences/preferences";
import type { PreferenceStore } from "../preferences/preference-store";
import type { OfficialReadModel } from "../read-models/official-read-model";
import type { OversightReadModel } from "../read-models/oversight-read-model";
import type { TaskReadModel } from "../read-models/task-read-model";
import { rulesFor } from "../rules/all-rules";
import type { AnyRule, RecipientLookup } from "../rules/rule";
import type { DeliveryStore } from "../webhooks/delivery-store";
import type { WebhookStore } from "../webhooks/webhook-store";

export interface DispatcherDeps {
  rules: readonly AnyRule[];
  officials: OfficialReadModel;
  tasks: TaskReadModel;
  oversight: OversightReadModel;
  notifications: NotificationStore;
  preferences: PreferenceStore;
  webhooks: WebhookStore;
  deliveries: DeliveryStore;
  /** Absent when no SMTP server is configured: the e-mail channel is off. */
  emails: EmailOutbox | null;
  clock: Clock;
  log: Logger;
  /** Told of each notification the moment it is first stored (live subscriptions). */
  onNotification(notification: StoredNotification): void;
  onEmailQueued(): void;
  onDeliveryQueued(): void;
}

/**
 * Turns one event into its effects. Every effect is an insert under an id derived from
 * (event, recipient, channel), so handling the same event again (redelivery, restart, two instances)
 * creates nothing new: exactly one notification, one queued e-mail and one webhook delivery each.
 */
export function createDispatcher(deps: DispatcherDeps) {
  const lookup: RecipientLookup = {
    task: (taskId) => deps.tasks.byId(taskId),
    officialsOf: (unit, role) => deps.officials.activeOf(unit, role),
    officialsWithRole: (role) => deps.officials.activeWithRole(role),
  };

  async function notify(rule: AnyRule, envelope: Envelope): Promise<void> {
    const data = rule.event.schema.parse(envelope.data);
    const recipients = await rule.recipients(data, lookup, envelope);
    if (recipients.length === 0) return;
    const taskId = rule.taskId?.(data);
    const task = taskId === undefined ? null : await deps.tasks.byId(taskId);
    const recommendationId = rule.recommendationId?.(data);
    const recommendation = recommendationId === undefined ? null : await deps.oversight.recommendation(recommendationId);
    const officials = await deps.officials.byIds(recipients);
    const preferences = await deps.preferences.ofMany(recipients);
    const now = deps.clock.now();
    for (const recipient of recipients) {
      const official = officials.get(recipient);
      if (official?.active === false) continue;
      const wanted = preferences.get(recipient)?.channels[rule.kind] ?? { inApp: true, email: true };
      const message = rule.message(data, { task, recommendation, recipient });
      if (wanted.inApp) {
        const created = await deps.notifications.insertIfAbsent({
          _id: effectId(envelope.id, recipient, "in_app"),
          recipient,
          kind: rule.kind,
          title: message.title,
          body: message.body,
          eventId: envelope.id,
          eventType: envelope.type,
          createdAt: now.toISOString(),
          ...(taskId === undefined ? {} : { taskId }),
          ...(envelope.unit === undefined ? {} : { unit: envelope.unit }),
        });
        if (created) deps.onNotification(created);
      }
      if (wanted.email && deps.emails && official?.email) {
        const quietHours = preferences.get(recipient)?.quietHours ?? null;
        const held = isQuiet(quietHours, now);
        const queued = await deps.emails.enqueue({
          _id: effectId(envelope.id, recipient, "email"),
          recipient,
          to: official.email,
          subject: message.title,
          text: `${message.body}\n\n— Liên Thông, Ủy ban MTTQ Việt Nam Thành phố Hồ Chí Minh`,
          eventId: envelope.id,
          createdAt: now.toISOString(),
          sendAfter: (held && quietHours ? quietEndsAt(quietHours, now) : now).toISOString(),
          held,
        });
        if (queued) deps.onEmailQueued();
      }
    }
  }

  async function queueWebhooks(envelope: Envelope): Promise<void> {
    const unit = envelope.unit ?? unitOfData(envelope.data);
    const listening = await deps.webhooks.listening(envelope.type, unit);
    const now = deps.clock.now().toISOString();
    let queued = false;
    for (const webhook of listening) {
      const created = await deps.deliveries.enqueue({
        _id: effectId(envelope.id, webhook._id, "webhook"),
        webhookId: webhook._id,
        eventId: envelope.id,
        eventType: envelope.type,
        body: JSON.stringify(envelope),
        nextAttemptAt: now,
        createdAt: now,
      });
      queued ||= created;
    }
    if (queued) deps.onDeliveryQueued();
  }

  return {
    async handle(envelope: Envelope): Promise<void> {
      // Read models first, so a rule for this very event (e.g. the welcome) sees what it announces.
      await deps.officials.apply(envelope);
      await deps.tasks.apply(envelope);
      await deps.oversight.apply(envelope);
      for (const rule of rulesFor(envelope.type, deps.rules)) await notify(rule, envelope);
      await queueWebhooks(envelope);
    },
  };
}

export type Dispatcher = ReturnType<typeof createDispatcher>;

function unitOfData(data: unknown): string | undefined {
  if (typeof data !== "object" || data === null) return undefined;
  const unit = (data as { unit?: unknown }).unit;
  return typeof unit === "string" ? unit : undefined;
}
