import type { Principal } from "@lienthong/auth/principal";
import type { Clock } from "@lienthong/calendar/clock";
import { payload } from "@lienthong/subgraph/common-types";
import { resolveCursorPage } from "@lienthong/subgraph/connections";
import { NotAllowedError, parseInput, ValidationError } from "@lienthong/subgraph/errors";
import type { NotificationStore, StoredNotification } from "../feed/notification-store";
import { NOTIFICATION_KINDS } from "../rules/kinds";
import type { NotificationsBuilder } from "./builder";
import { markReadInput } from "./inputs";
import type { LiveFeed } from "./live-feed";

export interface NotificationSchemaDeps {
  notifications: NotificationStore;
  live: LiveFeed;
  clock: Clock;
}

const me = (ctx: { principal: Principal }) => ctx.principal.sub;

export function addNotificationSchema(builder: NotificationsBuilder, deps: NotificationSchemaDeps) {
  const KindEnum = builder.enumType("NotificationKind", { values: NOTIFICATION_KINDS });

  const NotificationRef = builder.objectRef<StoredNotification>("Notification").implement({
    description: "Something that concerns you, told once. Only its recipient can see it.",
    fields: (t) => ({
      id: t.exposeID("_id"),
      kind: t.field({ type: KindEnum, resolve: (n) => n.kind }),
      title: t.exposeString("title"),
      body: t.exposeString("body"),
      read: t.boolean({ resolve: (n) => n.readAt !== null }),
      readAt: t.field({ type: "DateTime", nullable: true, resolve: (n) => n.readAt }),
      createdAt: t.field({ type: "DateTime", resolve: (n) => n.createdAt }),
      eventType: t.exposeString("eventType", { description: "CloudEvents type of the event that caused it." }),
      taskId: t.id({ nullable: true, resolve: (n) => n.taskId ?? null }),
      unit: t.string({ nullable: true, resolve: (n) => n.unit ?? null }),
    }),
  });

  builder.queryField("myNotifications", (t) =>
    t.authenticated.connection(
      {
        type: NotificationRef,
        description: "Your notifications, newest first.",
        args: { unreadOnly: t.arg.boolean({ defaultValue: false }) },
        resolve: async (_root, args, ctx) => {
          const recipient = me(ctx);
          const unreadOnly = args.unreadOnly ?? false;
          const [total, unreadCount] = await Promise.all([
            deps.notifications.count(recipient, unreadOnly),
            deps.notifications.count(recipient, true),
          ]);
          const page = await resolveCursorPage(
            args,
            total,
            (n: StoredNotification) => n.order,
            (window) =>
              deps.notifications.page(recipient, unreadOnly, {
                limit: window.limit,
                inverted: window.inverted,
                ...(window.after ? { after: window.after } : {}),
                ...(window.before ? { before: window.before } : {}),
              }),
          );
          return { ...page, unreadCount };
        },
      },
      {
        fields: (t) => ({
          unreadCount: t.int({
            description: "Your unread notifications in all.",
            resolve: (connection) => (connection as unknown as { unreadCount: number }).unreadCount,
          }),
        }),
      },
    ),
  );

  const MarkReadInput = builder.inputType("MarkNotificationsReadInput", {
    fields: (t) => ({ ids: t.idList({ required: true }) }),
  });

  builder.mutationFields((t) => ({
    markNotificationsRead: t.authenticated.field({
      type: [NotificationRef],
      description: "Marks some of your notifications read; ids that are not yours are ignored.",
      args: { input: t.arg({ type: MarkReadInput, required: true }) },
      errors: payload("notifications", ValidationError, NotAllowedError),
      resolve: async (_root, { input }, ctx) => {
        const parsed = parseInput(markReadInput, { ids: input.ids.map(String) });
        if (parsed instanceof ValidationError) throw parsed;
        return deps.notifications.markRead(me(ctx), parsed.ids, deps.clock.now().toISOString());
      },
    }),
    markAllNotificationsRead: t.authenticated.field({
      type: "Int",
      description: "Marks every notification of yours read; returns how many were unread.",
      errors: payload("markedCount", NotAllowedError),
      resolve: (_root, _args, ctx) => deps.notifications.markAllRead(me(ctx), deps.clock.now().toISOString()),
    }),
  }));

  builder.subscriptionField("notificationAdded", (t) =>
    t.authenticated.field({
      type: NotificationRef,
      description: "Each new notification of yours as it is created (GraphQL over SSE).",
      subscribe: (_root, _args, ctx) => deps.live.subscribe(me(ctx)),
      resolve: (notification) => notification,
    }),
  );

  return { KindEnum };
}
