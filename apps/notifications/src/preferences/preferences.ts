import { NOTIFICATION_KINDS, type NotificationKind } from "../rules/kinds";

/** Which channels one official wants for one kind of notification. */
export interface KindChannels {
  inApp: boolean;
  email: boolean;
}

/** Local times "HH:MM" in Asia/Ho_Chi_Minh; start after end means the quiet period spans midnight. */
export interface QuietHours {
  start: string;
  end: string;
}

export interface Preferences {
  channels: Record<NotificationKind, KindChannels>;
  quietHours: QuietHours | null;
}

export const TIME_ZONE = "Asia/Ho_Chi_Minh";
/** Viet Nam keeps UTC+7 all year (no daylight saving), so local time is a fixed shift. */
const OFFSET_MS = 7 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

export function defaultPreferences(): Preferences {
  const channels = Object.fromEntries(NOTIFICATION_KINDS.map((kind) => [kind, { inApp: true, email: true }])) as Record<
    NotificationKind,
    KindChannels
  >;
  return { channels, quietHours: null };
}

function minutesOf(time: string): number {
  const [hours, minutes] = time.split(":").map(Number);
  return (hours ?? 0) * 60 + (minutes ?? 0);
}

/** Minutes since local midnight of an instant. */
function localMinutes(at: Date): number {
  const local = (at.getTime() + OFFSET_MS) % DAY_MS;
  return Math.floor(local / 60_000);
}

export function isQuiet(quietHours: QuietHours | null, at: Date): boolean {
  if (quietHours === null) return false;
  const start = minutesOf(quietHours.start);
  const end = minutesOf(quietHours.end);
  const now = localMinutes(at);
  if (start === end) return false;
  return start < end ? now >= start && now < end : now >= start || now < end;
}

/**
 * When e-mail held at `at` may go out: the next local `end` time after `at`. Only meaningful while quiet.
 */
export function quietEndsAt(quietHours: QuietHours, at: Date): Date {
  const end = minutesOf(quietHours.end);
  const localMidnight = at.getTime() + OFFSET_MS - ((at.getTime() + OFFSET_MS) % DAY_MS) - OFFSET_MS;
  let candidate = localMidnight + end * 60_000;
  if (candidate <= at.getTime()) candidate += DAY_MS;
  return new Date(candidate);
}
