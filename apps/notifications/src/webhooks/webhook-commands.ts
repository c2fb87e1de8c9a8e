import { hasRole, isCityLevel, mayActInUnit, type Principal } from "@lienthong/auth/principal";
import type { Clock } from "@lienthong/calendar/clock";
import { fail, notAllowed, notFound, ok, validationError, type Result } from "@lienthong/contracts/errors";
import { newId } from "@lienthong/contracts/ids";
import { unitLabel } from "@lienthong/contracts/labels";
import type { DeliveryStore, WebhookDelivery } from "./delivery-store";
import type { Webhook, WebhookStore } from "./webhook-store";

/** A unit's webhooks are managed by that unit's admins; city admins manage every unit's, and city-wide ones ("*"). */
export function mayManageWebhooks(principal: Principal, unit: string): boolean {
  if (hasRole(principal, "city_admin")) return true;
  return unit !== "*" && hasRole(principal, "unit_admin") && mayActInUnit(principal, unit);
}

/** "webhook của Phường Sài Gòn"; "*" webhooks receive every unit's events. */
function webhooksOf(unit: string): string {
  return unit === "*" ? "webhook chung của toàn Thành phố" : `webhook của ${unitLabel(unit)}`;
}

/** The unit a registration is for: as given, or the admin's only unit. */
function unitFor(principal: Principal, unit: string | undefined): Result<string> {
  if (unit !== undefined) return ok(unit);
  const own = principal.units.filter((code) => code !== "*");
  if (own.length === 1 && !isCityLevel(principal)) return ok(own[0] as string);
  if (isCityLevel(principal)) return ok("*");
  return fail(validationError([{ path: ["unit"], message: "hãy chọn đơn vị: bạn quản lý nhiều đơn vị" }]));
}

export function createWebhookCommands(deps: { webhooks: WebhookStore; deliveries: DeliveryStore; clock: Clock; onRequeued(): void }) {
  return {
    async register(
      input: { url: string; eventTypes: string[]; secret: string; unit?: string | undefined },
      principal: Principal,
    ): Promise<Result<Webhook>> {
      const unit = unitFor(principal, input.unit);
      if (!unit.ok) return unit;
      if (!mayManageWebhooks(principal, unit.value)) return fail(notAllowed(`Bạn không có quyền đăng ký ${webhooksOf(unit.value)}.`));
      const webhook: Webhook = {
        _id: newId(),
        unit: unit.value,
        url: input.url,
        eventTypes: input.eventTypes,
        secret: input.secret,
        createdBy: principal.sub,
        createdAt: deps.clock.now().toISOString(),
        active: true,
      };
      await deps.webhooks.insert(webhook);
      return ok(webhook);
    },
    /** The webhook, when the principal may see its deliveries. */
    async visible(webhookId: string, principal: Principal): Promise<Result<Webhook>> {
      const webhook = await deps.webhooks.byId(webhookId);
      if (webhook === null) return fail(notFound(`Không tìm thấy webhook ${webhookId}.`));
      if (!mayManageWebhooks(principal, webhook.unit)) return fail(notAllowed(`Bạn không có quyền xem ${webhooksOf(webhook.unit)}.`));
      return ok(webhook);
    },
    async redeliver(deliveryId: string, principal: Principal): Promise<Result<WebhookDelivery>> {
      const delivery = await deps.deliveries.byId(deliveryId);
      if (delivery === null) return fail(notFound(`Không tìm thấy lượt gửi webhook ${deliveryId}.`));
      const webhook = await deps.webhooks.byId(delivery.webhookId);
      if (webhook === null || !mayManageWebhooks(principal, webhook.unit))
        return fail(notAllowed("Bạn không có quyền gửi lại lượt gửi webhook này."));
      const requeued = await deps.deliveries.requeue(deliveryId, deps.clock.now().toISOString());
      if (requeued === null) return ok(delivery);
      deps.onRequeued();
      return ok(requeued);
    },
  };
}

export type WebhookCommands = ReturnType<typeof createWebhookCommands>;
