import { describe, expect, it } from "vitest";
import { clockFromStart, fixedClock, manualClock, offsetClock, systemClock } from "../src/clock";

describe("clocks", () => {
  it("a fixed clock always answers the same instant, and callers cannot change it", () => {
    const clock = fixedClock("2026-03-15T00:00:00Z");
    clock.now().setUTCFullYear(1999);
    expect(clock.now().toISOString()).toBe("2026-03-15T00:00:00.000Z");
  });

  it("a manual clock moves only when told", () => {
    const clock = manualClock(new Date("2026-03-15T00:00:00Z"));
    clock.advance(90_000);
    expect(clock.now().toISOString()).toBe("2026-03-15T00:01:30.000Z");
    clock.set("2026-04-01T01:00:00+07:00");
    expect(clock.now().toISOString()).toBe("2026-03-31T18:00:00.000Z");
  });

  it("an offset clock starts at the given instant and then runs at its base's pace", () => {
    const base = manualClock("2030-01-01T00:00:00Z");
    const clock = offsetClock(new Date("2026-02-01T08:00:00+07:00"), base);
    expect(clock.now().toISOString()).toBe("2026-02-01T01:00:00.000Z");
    base.advance(3 * 86_400_000);
    expect(clock.now().toISOString()).toBe("2026-02-04T01:00:00.000Z");
  });

  it("CLOCK_START unset or empty means the system clock", () => {
    expect(clockFromStart(undefined)).toBe(systemClock);
    expect(clockFromStart("")).toBe(systemClock);
  });

  it("CLOCK_START set starts time there and lets it run", () => {
    const base = manualClock("2030-01-01T00:00:00Z");
    const clock = clockFromStart("2026-03-01T08:00:00+07:00", base);
    expect(clock.now().toISOString()).toBe("2026-03-01T01:00:00.000Z");
    base.advance(90_000);
    expect(clock.now().toISOString()).toBe("2026-03-01T01:01:30.000Z");
  });

  it("a CLOCK_START that is not an ISO date-time with offset is refused, naming the variable", () => {
    expect(() => clockFromStart("tomorrow")).toThrow(/^CLOCK_START: must be an ISO date-time with an offset.*\(got "tomorrow"\)$/);
    expect(() => clockFromStart("2026-03-01T08:00:00")).toThrow(/CLOCK_START/);
  });

  it("invalid instants are refused", () => {
    expect(() => fixedClock("not a date")).toThrow(/not a valid instant/);
  });
});
