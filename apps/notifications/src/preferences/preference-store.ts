import { z } from "zod";
import type { Database } from "@lienthong/store/collection";
import { NOTIFICATION_KINDS, type NotificationKind } from "../rules/kinds";
import { defaultPreferences, type KindChannels, type Preferences, type QuietHours } from "./preferences";

export const PREFERENCES = "preferences";

const channelsSchema = z.object({ inApp: z.boolean(), email: z.boolean() });
const storedSchema = z.object({
  _id: z.string(),
  /** Only kinds the official changed; the rest take the defaults, so new kinds start switched on. */
  channels: z.partialRecord(z.enum(NOTIFICATION_KINDS), channelsSchema),
  quietHours: z.object({ start: z.string(), end: z.string() }).nullable(),
});
type StoredPreferences = z.infer<typeof storedSchema>;

export interface PreferenceChanges {
  channels?: { kind: NotificationKind; inApp?: boolean | undefined; email?: boolean | undefined }[] | undefined;
  /** null = no quiet hours; undefined = unchanged. */
  quietHours?: QuietHours | null | undefined;
}

export function createPreferenceStore(db: Database) {
  const collection = db.collection<StoredPreferences>(PREFERENCES);

  async function load(officialId: string): Promise<StoredPreferences> {
    const doc = await collection.findOne({ _id: officialId });
    return doc === null ? { _id: officialId, channels: {}, quietHours: null } : storedSchema.parse(doc);
  }

  function merged(stored: StoredPreferences): Preferences {
    const defaults = defaultPreferences();
    return {
      channels: { ...defaults.channels, ...stored.channels } as Record<NotificationKind, KindChannels>,
      quietHours: stored.quietHours,
    };
  }

  return {
    async of(officialId: string): Promise<Preferences> {
      return merged(await load(officialId));
    },
    async ofMany(officialIds: readonly string[]): Promise<Map<string, Preferences>> {
      const docs = await collection.find({ _id: { $in: [...officialIds] } }).toArray();
      const stored = new Map(docs.map((doc) => [doc._id, storedSchema.parse(doc)]));
      return new Map(officialIds.map((id) => [id, merged(stored.get(id) ?? { _id: id, channels: {}, quietHours: null })]));
    },
    async update(officialId: string, changes: PreferenceChanges): Promise<Preferences> {
      const current = await load(officialId);
      const full = merged(current);
      const channels = { ...current.channels };
      for (const change of changes.channels ?? []) {
        const before = full.channels[change.kind];
        channels[change.kind] = { inApp: change.inApp ?? before.inApp, email: change.email ?? before.email };
      }
      const next: StoredPreferences = {
        _id: officialId,
        channels,
        quietHours: changes.quietHours === undefined ? current.quietHours : changes.quietHours,
      };
      await collection.updateOne({ _id: officialId }, { $set: { channels: next.channels, quietHours: next.quietHours } }, { upsert: true });
      return merged(next);
    },
  };
}

export type PreferenceStore = ReturnType<typeof createPreferenceStore>;
