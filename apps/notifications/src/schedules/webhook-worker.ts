import type { Logger } from "pino";
import type { Clock } from "@lienthong/calendar/clock";
import { periodic, type Periodic } from "@lienthong/calendar/periodic";
import type { DeliveryStore } from "../webhooks/delivery-store";
import { retryDelay, type RetryPolicy } from "../webhooks/retry-schedule";
import { sendDelivery } from "../webhooks/webhook-sender";
import type { WebhookStore } from "../webhooks/webhook-store";

const LEASE_MS = 60_000;
const BATCH = 50;

/** Sends due deliveries and schedules retries; the schedule is in the store, so a restart resumes it. */
export function createWebhookWorker(deps: {
  webhooks: WebhookStore;
  deliveries: DeliveryStore;
  clock: Clock;
  log: Logger;
  policy: RetryPolicy;
  intervalMs?: number;
}): Periodic<void> {
  async function deliver(id: string): Promise<void> {
    const delivery = await deps.deliveries.byId(id);
    if (delivery === null) return;
    const webhook = await deps.webhooks.byId(delivery.webhookId);
    const now = deps.clock.now();
    if (webhook === null || !webhook.active) {
      await deps.deliveries.recordFailure(id, { error: "webhook no longer active", retryAt: null });
      return;
    }
    const outcome = await sendDelivery({
      url: webhook.url,
      secret: webhook.secret,
      deliveryId: id,
      body: delivery.body,
      timestamp: Math.floor(now.getTime() / 1000),
    });
    const at = deps.clock.now();
    if (outcome.ok) {
      await deps.deliveries.recordSuccess(id, outcome.statusCode, at.toISOString());
      return;
    }
    const failedAttempts = delivery.attempts + 1;
    const retryAt =
      failedAttempts >= deps.policy.maxAttempts ? null : new Date(at.getTime() + retryDelay(deps.policy, failedAttempts)).toISOString();
    deps.log.info(
      { deliveryId: id, attempts: failedAttempts, error: outcome.error, retryAt },
      retryAt ? "webhook delivery failed; will retry" : "webhook delivery failed for good",
    );
    await deps.deliveries.recordFailure(id, { error: outcome.error, statusCode: outcome.statusCode, retryAt });
  }

  async function pass(): Promise<void> {
    const now = deps.clock.now();
    const due = await deps.deliveries.due(now.toISOString(), BATCH);
    const claimed = [];
    for (const delivery of due) {
      if (await deps.deliveries.claim(delivery, new Date(now.getTime() + LEASE_MS).toISOString())) claimed.push(delivery._id);
    }
    await Promise.all(claimed.map(deliver));
  }

  return periodic({ name: "webhooks", intervalMs: deps.intervalMs ?? 1_000, run: pass, log: deps.log, firstRun: "soon" });
}
