import type { Principal } from "@lienthong/auth/principal";
import { payload } from "@lienthong/subgraph/common-types";
import { NotAllowedError, parseInput, ValidationError } from "@lienthong/subgraph/errors";
import { NOTIFICATION_KINDS, type NotificationKind } from "../rules/kinds";
import { TIME_ZONE, type KindChannels, type Preferences, type QuietHours } from "../preferences/preferences";
import type { PreferenceStore } from "../preferences/preference-store";
import type { NotificationsBuilder } from "./builder";
import { updatePreferencesInput } from "./inputs";
import type { addNotificationSchema } from "./notification";

const me = (ctx: { principal: Principal }) => ctx.principal.sub;

type KindEnumRef = ReturnType<typeof addNotificationSchema>["KindEnum"];

export function addPreferenceSchema(builder: NotificationsBuilder, KindEnum: KindEnumRef, preferences: PreferenceStore) {
  const ChannelRef = builder.objectRef<KindChannels & { kind: NotificationKind }>("NotificationChannelPreference").implement({
    fields: (t) => ({
      kind: t.field({ type: KindEnum, resolve: (row) => row.kind }),
      inApp: t.exposeBoolean("inApp", { description: "Shown in your feed and on notificationAdded." }),
      email: t.exposeBoolean("email", { description: "Sent to your e-mail address, when you have one and e-mail is configured." }),
    }),
  });

  const QuietHoursRef = builder.objectRef<QuietHours>("QuietHours").implement({
    description: "Local times in Asia/Ho_Chi_Minh. E-mail is held meanwhile and sent as one digest afterwards; the feed is never held.",
    fields: (t) => ({
      start: t.exposeString("start"),
      end: t.exposeString("end"),
      timeZone: t.string({ resolve: () => TIME_ZONE }),
    }),
  });

  const PreferencesRef = builder.objectRef<Preferences>("NotificationPreferences").implement({
    fields: (t) => ({
      channels: t.field({ type: [ChannelRef], resolve: (prefs) => NOTIFICATION_KINDS.map((kind) => ({ kind, ...prefs.channels[kind] })) }),
      quietHours: t.field({ type: QuietHoursRef, nullable: true, resolve: (prefs) => prefs.quietHours }),
    }),
  });

  builder.queryField("myNotificationPreferences", (t) =>
    t.authenticated.field({ type: PreferencesRef, resolve: (_root, _args, ctx) => preferences.of(me(ctx)) }),
  );

  const ChannelInput = builder.inputType("NotificationChannelPreferenceInput", {
    fields: (t) => ({ kind: t.field({ type: KindEnum, required: true }), inApp: t.boolean(), email: t.boolean() }),
  });
  const QuietHoursInput = builder.inputType("QuietHoursInput", {
    fields: (t) => ({ start: t.string({ required: true, description: "HH:MM" }), end: t.string({ required: true, description: "HH:MM" }) }),
  });
  const UpdateInput = builder.inputType("UpdateNotificationPreferencesInput", {
    description: "Fields left out stay as they are.",
    fields: (t) => ({
      channels: t.field({ type: [ChannelInput] }),
      quietHours: t.field({ type: QuietHoursInput }),
      clearQuietHours: t.boolean({ description: "true removes your quiet hours." }),
    }),
  });

  builder.mutationField("updateNotificationPreferences", (t) =>
    t.authenticated.field({
      type: PreferencesRef,
      args: { input: t.arg({ type: UpdateInput, required: true }) },
      errors: payload("preferences", ValidationError, NotAllowedError),
      resolve: async (_root, { input }, ctx) => {
        const parsed = parseInput(updatePreferencesInput, input);
        if (parsed instanceof ValidationError) throw parsed;
        const quietHours = parsed.clearQuietHours ? null : (parsed.quietHours ?? undefined);
        return preferences.update(me(ctx), { channels: parsed.channels, quietHours });
      },
    }),
  );
}
