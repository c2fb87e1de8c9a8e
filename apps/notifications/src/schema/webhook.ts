import type { Principal } from "@lienthong/auth/principal";
import { hasRole } from "@lienthong/auth/principal";
import { payload } from "@lienthong/subgraph/common-types";
import { resolveOffsetPage } from "@lienthong/subgraph/connections";
import { valueOrThrow } from "@lienthong/subgraph/domain-errors";
import { NotAllowedError, NotFoundError, parseInput, ValidationError } from "@lienthong/subgraph/errors";
import { DELIVERY_STATUSES, type DeliveryStore, type WebhookDelivery } from "../webhooks/delivery-store";
import type { WebhookCommands } from "../webhooks/webhook-commands";
import type { Webhook, WebhookStore } from "../webhooks/webhook-store";
import type { NotificationsBuilder } from "./builder";
import { redeliverInput, registerWebhookInput } from "./inputs";

export interface WebhookSchemaDeps {
  webhooks: WebhookStore;
  deliveries: DeliveryStore;
  commands: WebhookCommands;
  eventTypes: readonly string[];
}

const principalOf = (ctx: { principal: Principal }) => ctx.principal;

export function addWebhookSchema(builder: NotificationsBuilder, deps: WebhookSchemaDeps) {
  const StatusEnum = builder.enumType("WebhookDeliveryStatus", {
    values: Object.fromEntries(DELIVERY_STATUSES.map((status) => [status.toUpperCase(), { value: status }])) as Record<
      string,
      { value: (typeof DELIVERY_STATUSES)[number] }
    >,
  });

  const WebhookRef = builder.objectRef<Webhook>("Webhook").implement({
    description: "An HTTPS endpoint that receives a unit's events as signed CloudEvents JSON.",
    fields: (t) => ({
      id: t.exposeID("_id"),
      unit: t.exposeString("unit", { description: '5-digit unit code, or "*" for every unit.' }),
      url: t.exposeString("url"),
      eventTypes: t.exposeStringList("eventTypes"),
      active: t.exposeBoolean("active"),
      createdAt: t.field({ type: "DateTime", resolve: (webhook) => webhook.createdAt }),
    }),
  });

  const DeliveryRef = builder.objectRef<WebhookDelivery>("WebhookDelivery").implement({
    fields: (t) => ({
      id: t.exposeID("_id"),
      webhookId: t.exposeID("webhookId"),
      eventId: t.exposeID("eventId"),
      eventType: t.exposeString("eventType"),
      status: t.field({ type: StatusEnum, resolve: (delivery) => delivery.status }),
      attempts: t.exposeInt("attempts"),
      lastError: t.string({ nullable: true, resolve: (delivery) => delivery.lastError ?? null }),
      lastStatusCode: t.int({ nullable: true, resolve: (delivery) => delivery.lastStatusCode ?? null }),
      nextAttemptAt: t.field({ type: "DateTime", nullable: true, resolve: (d) => (d.status === "pending" ? d.nextAttemptAt : null) }),
      createdAt: t.field({ type: "DateTime", resolve: (delivery) => delivery.createdAt }),
      deliveredAt: t.field({ type: "DateTime", nullable: true, resolve: (delivery) => delivery.deliveredAt ?? null }),
    }),
  });

  builder.queryFields((t) => ({
    webhooks: t.authenticated.field({
      type: [WebhookRef],
      description: "Webhooks of the units you administer.",
      authScopes: { role: ["unit_admin", "city_admin"] },
      resolve: (_root, _args, ctx) => {
        const principal = principalOf(ctx);
        return deps.webhooks.list(hasRole(principal, "city_admin") ? undefined : principal.units);
      },
    }),
    webhookDeliveries: t.authenticated.connection({
      type: DeliveryRef,
      description: "Deliveries of one webhook, newest first; failed ones carry their last error.",
      args: { webhookId: t.arg.id({ required: true }), status: t.arg({ type: StatusEnum }) },
      resolve: async (_root, args, ctx) => {
        const webhook = valueOrThrow(await deps.commands.visible(String(args.webhookId), principalOf(ctx)));
        const status = args.status ?? undefined;
        return resolveOffsetPage(args, await deps.deliveries.count(webhook._id, status), (window) =>
          deps.deliveries.list(webhook._id, status, window),
        );
      },
    }),
  }));

  const RegisterInput = builder.inputType("RegisterWebhookInput", {
    fields: (t) => ({
      url: t.string({ required: true, description: "https://…, or http://localhost for development. No credentials." }),
      eventTypes: t.stringList({ required: true, description: "CloudEvents types, e.g. lienthong.tasks.task.assigned.v1." }),
      secret: t.string({ required: true, description: "At least 16 characters; signs every delivery (HMAC-SHA256)." }),
      unit: t.id({ description: "Defaults to the unit you administer." }),
    }),
  });
  const RedeliverInput = builder.inputType("RedeliverWebhookInput", { fields: (t) => ({ deliveryId: t.id({ required: true }) }) });
  const registerSchema = registerWebhookInput(deps.eventTypes);

  builder.mutationFields((t) => ({
    registerWebhook: t.authenticated.field({
      type: WebhookRef,
      args: { input: t.arg({ type: RegisterInput, required: true }) },
      errors: payload("webhook", ValidationError, NotAllowedError),
      resolve: async (_root, { input }, ctx) => {
        const parsed = parseInput(registerSchema, { ...input, unit: input.unit == null ? undefined : String(input.unit) });
        if (parsed instanceof ValidationError) throw parsed;
        return valueOrThrow(await deps.commands.register(parsed, principalOf(ctx)));
      },
    }),
    redeliverWebhook: t.authenticated.field({
      type: DeliveryRef,
      description: "Sends a delivery again now, with a fresh set of attempts.",
      args: { input: t.arg({ type: RedeliverInput, required: true }) },
      errors: payload("delivery", ValidationError, NotAllowedError, NotFoundError),
      resolve: async (_root, { input }, ctx) => {
        const parsed = parseInput(redeliverInput, { deliveryId: String(input.deliveryId) });
        if (parsed instanceof ValidationError) throw parsed;
        return valueOrThrow(await deps.commands.redeliver(parsed.deliveryId, principalOf(ctx)));
      },
    }),
  }));
}
