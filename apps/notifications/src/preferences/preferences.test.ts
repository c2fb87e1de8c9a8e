import { describe, expect, it } from "vitest";
import { isQuiet, quietEndsAt } from "./preferences";

const night = { start: "22:00", end: "06:30" };
const lunch = { start: "11:30", end: "13:00" };

describe("quiet hours in Asia/Ho_Chi_Minh", () => {
  it("are quiet late at night and early in the morning, local time", () => {
    expect(isQuiet(night, new Date("2026-03-02T23:15:00+07:00"))).toBe(true);
    expect(isQuiet(night, new Date("2026-03-03T05:59:00+07:00"))).toBe(true);
    expect(isQuiet(night, new Date("2026-03-03T06:30:00+07:00"))).toBe(false);
    expect(isQuiet(night, new Date("2026-03-02T14:00:00+07:00"))).toBe(false);
  });

  it("read the clock in Viet Nam, not in UTC", () => {
    // 16:00 UTC is 23:00 in Ho Chi Minh City.
    expect(isQuiet(night, new Date("2026-03-02T16:00:00Z"))).toBe(true);
  });

  it("work for a period inside one day", () => {
    expect(isQuiet(lunch, new Date("2026-03-02T12:00:00+07:00"))).toBe(true);
    expect(isQuiet(lunch, new Date("2026-03-02T13:00:00+07:00"))).toBe(false);
  });

  it("end at the next local end time", () => {
    expect(quietEndsAt(night, new Date("2026-03-02T23:15:00+07:00")).toISOString()).toBe(
      new Date("2026-03-03T06:30:00+07:00").toISOString(),
    );
    expect(quietEndsAt(night, new Date("2026-03-03T01:00:00+07:00")).toISOString()).toBe(
      new Date("2026-03-03T06:30:00+07:00").toISOString(),
    );
  });

  it("are never quiet when none are set", () => {
    expect(isQuiet(null, new Date("2026-03-02T23:15:00+07:00"))).toBe(false);
  });
});
