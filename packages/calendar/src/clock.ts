import { z } from "zod";

/** The only source of "now" for domain code: injected, so tests and demos control time. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** A clock stopped at one instant. */
export function fixedClock(at: Date | string): Clock {
  const ms = toInstant(at, "fixedClock").getTime();
  return { now: () => new Date(ms) };
}

/** A clock tests move by hand: `advance` and `set` change what every later `now()` returns. */
export interface ManualClock extends Clock {
  advance(ms: number): void;
  set(at: Date | string): void;
}

export function manualClock(start: Date | string): ManualClock {
  let ms = toInstant(start, "manualClock").getTime();
  return {
    now: () => new Date(ms),
    advance: (delta) => {
      ms += delta;
    },
    set: (at) => {
      ms = toInstant(at, "manualClock.set").getTime();
    },
  };
}

/** Time starts at `start` when the clock is created and then runs forward at the pace of `base`. */
export function offsetClock(start: Date | string, base: Clock = systemClock): Clock {
  const offset = toInstant(start, "offsetClock").getTime() - base.now().getTime();
  return { now: () => new Date(base.now().getTime() + offset) };
}

const clockStartSchema = z.iso.datetime({ offset: true, error: "must be an ISO date-time with an offset, e.g. 2026-03-01T08:00:00+07:00" });

/** The composition-root choice: `CLOCK_START` set → a clock that starts there (demos, rehearsals), else the system clock. */
export function clockFromStart(CLOCK_START?: string, base: Clock = systemClock): Clock {
  if (CLOCK_START === undefined || CLOCK_START.trim() === "") return base;
  const parsed = clockStartSchema.safeParse(CLOCK_START);
  if (!parsed.success) throw new Error(`CLOCK_START: ${parsed.error.issues[0]?.message ?? "invalid"} (got "${CLOCK_START}")`);
  return offsetClock(new Date(parsed.data), base);
}

function toInstant(at: Date | string, where: string): Date {
  const instant = typeof at === "string" ? new Date(at) : new Date(at.getTime());
  if (Number.isNaN(instant.getTime())) throw new Error(`${where}: not a valid instant: ${String(at)}`);
  return instant;
}
