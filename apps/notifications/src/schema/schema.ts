import type { GraphQLSchema } from "graphql";
import { toSubgraphSchema } from "@lienthong/subgraph/builder";
import type { PreferenceStore } from "../preferences/preference-store";
import { createNotificationsBuilder } from "./builder";
import { addNotificationSchema, type NotificationSchemaDeps } from "./notification";
import { addPreferenceSchema } from "./preferences";
import { addWebhookSchema, type WebhookSchemaDeps } from "./webhook";

export type NotificationsSchemaDeps = NotificationSchemaDeps & WebhookSchemaDeps & { preferences: PreferenceStore };

export function buildNotificationsSchema(deps: NotificationsSchemaDeps): GraphQLSchema {
  const builder = createNotificationsBuilder();
  builder.queryType({});
  builder.mutationType({});
  builder.subscriptionType({});
  const { KindEnum } = addNotificationSchema(builder, deps);
  addPreferenceSchema(builder, KindEnum, deps.preferences);
  addWebhookSchema(builder, deps);
  return toSubgraphSchema(builder);
}
