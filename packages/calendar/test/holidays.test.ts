import { describe, expect, it } from "vitest";
import { parseHolidayYears, VIETNAM_HOLIDAYS, type HolidayYear } from "../src/holidays";
import { createWorkingCalendar } from "../src/working-days";

const year = (overrides: Partial<HolidayYear>): HolidayYear => ({
  year: 2030,
  status: "official",
  sources: ["test"],
  daysOff: [],
  workingWeekendDays: [],
  ...overrides,
});

describe("holiday data", () => {
  it("covers 2025, 2026 and 2027; 2027 is marked provisional until the Government decides it", () => {
    expect(VIETNAM_HOLIDAYS.map((entry) => [entry.year, entry.status])).toEqual([
      [2025, "official"],
      [2026, "official"],
      [2027, "provisional"],
    ]);
  });

  it("gives every year the Labor Code's 11 holiday days", () => {
    for (const entry of VIETNAM_HOLIDAYS) {
      expect(
        entry.daysOff.filter((day) => day.kind === "holiday"),
        String(entry.year),
      ).toHaveLength(11);
    }
  });

  it("pairs every swapped weekday with a make-up weekend day", () => {
    for (const entry of VIETNAM_HOLIDAYS) {
      const swapped = entry.daysOff.filter((day) => day.kind === "swapped");
      expect(swapped.length, String(entry.year)).toBe(entry.workingWeekendDays.length);
    }
  });

  it("refuses a date listed twice, a date outside its year, a weekday make-up day and an unreal date — all at once", () => {
    const attempt = () =>
      parseHolidayYears([
        year({
          daysOff: [
            { date: "2030-01-01", kind: "holiday", name: "Tết Dương lịch" },
            { date: "2030-01-01", kind: "holiday", name: "again" },
            { date: "2031-04-30", kind: "holiday", name: "wrong year" },
            { date: "2030-02-30", kind: "holiday", name: "no such day" },
          ],
          workingWeekendDays: [{ date: "2030-01-02", name: "a Wednesday" }],
        }),
      ]);
    expect(attempt).toThrow(/0\.daysOff\.1\.date: 2030-01-01 is listed twice \(also at daysOff\.0\.date\)/);
    expect(attempt).toThrow(/0\.daysOff\.2\.date: 2031-04-30 is outside 2030/);
    expect(attempt).toThrow(/0\.daysOff\.3\.date: must be a real date written YYYY-MM-DD/);
    expect(attempt).toThrow(/0\.workingWeekendDays\.0\.date: 2030-01-02 is not a Saturday or Sunday/);
  });

  it("refuses a make-up day that is also a day off, and a year listed twice", () => {
    const attempt = () =>
      parseHolidayYears([
        year({
          daysOff: [{ date: "2030-01-05", kind: "swapped", name: "off" }],
          workingWeekendDays: [{ date: "2030-01-05", name: "and working" }],
        }),
        year({}),
      ]);
    expect(attempt).toThrow(/2030-01-05 is listed twice/);
    expect(attempt).toThrow(/1\.year: year 2030 is listed twice/);
  });

  it("can be replaced: a calendar built from other years' data answers for those years only", () => {
    const calendar = createWorkingCalendar([year({ daysOff: [{ date: "2030-01-01", kind: "holiday", name: "Tết Dương lịch" }] })]);
    expect(calendar.isWorkingDay("2030-01-01")).toBe(false);
    expect(calendar.isWorkingDay("2030-01-02")).toBe(true);
    expect(calendar.addWorkingDays("2030-12-30", 1)).toBe("2030-12-31");
    expect(() => calendar.isWorkingDay("2026-01-05")).toThrow(/covers 2030/);
  });
});
