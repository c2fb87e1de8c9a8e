import { describe, expect, it } from "vitest";
import {
  addWorkingDays,
  CalendarRangeError,
  daysAfter,
  daysBefore,
  endOfVnDay,
  isWorkingDay,
  startOfVnDay,
  vietnamCalendar,
  vnDate,
  workingDayOnOrAfter,
  workingDaysBetween,
} from "../src/working-days";
import { addDays } from "../src/iso-date";

describe("Vietnamese dates of instants (UTC+7, no daylight saving)", () => {
  it("a day changes at 17:00 UTC", () => {
    expect(vnDate(new Date("2026-02-16T16:59:59.999Z"))).toBe("2026-02-16");
    expect(vnDate(new Date("2026-02-16T17:00:00.000Z"))).toBe("2026-02-17");
  });

  it("the new year starts in Vietnam while it is still 31 December in UTC", () => {
    expect(vnDate(new Date("2025-12-31T17:30:00Z"))).toBe("2026-01-01");
    expect(vnDate(new Date("2025-12-31T23:59:00-05:00"))).toBe("2026-01-01");
  });

  it("a day ends at the next Vietnamese midnight; its last millisecond is still that day", () => {
    const end = endOfVnDay("2026-03-15");
    expect(end.toISOString()).toBe("2026-03-15T17:00:00.000Z");
    expect(vnDate(new Date(end.getTime() - 1))).toBe("2026-03-15");
    expect(vnDate(end)).toBe("2026-03-16");
    expect(endOfVnDay("2026-12-31").toISOString()).toBe("2026-12-31T17:00:00.000Z");
    expect(startOfVnDay("2026-01-01").toISOString()).toBe("2025-12-31T17:00:00.000Z");
  });
});

describe("calendar-day periods", () => {
  it("E−N milestones of the 15 March 2026 election", () => {
    expect(daysBefore("2026-03-15", 105)).toBe("2025-11-30");
    expect(daysBefore("2026-03-15", 40)).toBe("2026-02-03");
    expect(daysBefore("2026-03-15", 10)).toBe("2026-03-05");
    expect(daysAfter("2026-03-15", 10)).toBe("2026-03-25");
  });

  it("cross month ends and leap years", () => {
    expect(daysBefore("2028-03-01", 1)).toBe("2028-02-29");
    expect(addDays("2027-02-28", 1)).toBe("2027-03-01");
  });

  it("do not need holiday data for the year", () => {
    expect(daysBefore("2031-05-23", 30)).toBe("2031-04-23");
  });
});

describe("working days", () => {
  it("Tết Bính Ngọ 2026: Monday 16 to Friday 20 February are off, the weekends around it too", () => {
    expect(isWorkingDay("2026-02-13")).toBe(true);
    for (const date of [
      "2026-02-14",
      "2026-02-15",
      "2026-02-16",
      "2026-02-17",
      "2026-02-18",
      "2026-02-19",
      "2026-02-20",
      "2026-02-21",
      "2026-02-22",
    ]) {
      expect(isWorkingDay(date), date).toBe(false);
    }
    expect(isWorkingDay("2026-02-23")).toBe(true);
  });

  it("the eve of Tết is off every year", () => {
    for (const date of ["2025-01-28", "2026-02-16", "2027-02-05"]) expect(isWorkingDay(date), date).toBe(false);
  });

  it("swapped weekdays are off and their make-up Saturdays are working days", () => {
    expect(isWorkingDay("2026-01-02")).toBe(false);
    expect(isWorkingDay("2026-01-10")).toBe(true);
    expect(isWorkingDay("2026-08-31")).toBe(false);
    expect(isWorkingDay("2026-08-22")).toBe(true);
    expect(isWorkingDay("2025-05-02")).toBe(false);
    expect(isWorkingDay("2025-04-26")).toBe(true);
    expect(isWorkingDay("2026-01-17")).toBe(false);
  });

  it("a holiday on a Sunday is compensated on the Monday (Giỗ Tổ 2026)", () => {
    expect(vietnamCalendar.dayOff("2026-04-26")?.kind).toBe("holiday");
    expect(vietnamCalendar.dayOff("2026-04-27")?.kind).toBe("compensatory");
    expect(isWorkingDay("2026-04-27")).toBe(false);
    expect(isWorkingDay("2026-04-28")).toBe(true);
  });

  it("N working days after a date skip weekends and Tết, and do not count the start day", () => {
    expect(addWorkingDays("2026-02-12", 1)).toBe("2026-02-13");
    expect(addWorkingDays("2026-02-12", 2)).toBe("2026-02-23");
    // a file received on Monday 9 February 2026 must be decided within 10 working days
    expect(addWorkingDays("2026-02-09", 10)).toBe("2026-03-02");
    // received on a Sunday: the count starts the next day all the same
    expect(addWorkingDays("2026-03-01", 1)).toBe("2026-03-02");
  });

  it("counts a make-up Saturday as a working day", () => {
    expect(addWorkingDays("2026-01-09", 1)).toBe("2026-01-10");
    expect(addWorkingDays("2026-08-21", 2)).toBe("2026-08-24");
  });

  it("crosses the year end through Tết Dương lịch", () => {
    expect(addWorkingDays("2025-12-31", 1)).toBe("2026-01-05");
    expect(addWorkingDays("2026-12-31", 1)).toBe("2027-01-04");
    expect(workingDaysBetween("2025-12-29", "2026-01-05")).toBe(3);
  });

  it("counts backwards with a negative n, and n = 0 is the date itself", () => {
    expect(addWorkingDays("2026-02-23", -1)).toBe("2026-02-13");
    expect(addWorkingDays("2026-02-17", 0)).toBe("2026-02-17");
  });

  it("workingDaysBetween inverts addWorkingDays", () => {
    for (let day = 0; day < 365; day += 3) {
      const from = addDays("2026-01-01", day);
      for (const n of [0, 1, 5, 10, 20]) {
        expect(workingDaysBetween(from, addWorkingDays(from, n)), `${from} + ${n}`).toBe(n);
      }
    }
    expect(workingDaysBetween("2026-02-23", "2026-02-13")).toBe(-1);
  });

  it("a period ending on a day off ends on the next working day", () => {
    expect(workingDayOnOrAfter("2026-02-14")).toBe("2026-02-23");
    expect(workingDayOnOrAfter("2026-02-13")).toBe("2026-02-13");
  });

  it("every year has 250 working days: 261 weekdays − 11 holiday weekdays, swaps made up on Saturdays", () => {
    expect(workingDaysBetween("2024-12-31", "2025-12-31")).toBe(250);
    expect(workingDaysBetween("2025-12-31", "2026-12-31")).toBe(250);
    expect(workingDaysBetween("2026-12-31", "2027-12-31")).toBe(250);
  });
});

describe("years without holiday data", () => {
  it("are refused with an error that says which years are covered", () => {
    expect(() => isWorkingDay("2028-01-03")).toThrow(CalendarRangeError);
    expect(() => isWorkingDay("2028-01-03")).toThrow(/no holiday data for 2028: the working-day calendar covers 2025–2027/);
    expect(() => isWorkingDay("2024-12-31")).toThrow(/2024/);
  });

  it("are refused when a count runs into them", () => {
    expect(() => addWorkingDays("2027-12-30", 3)).toThrow(/2028/);
    expect(() => workingDaysBetween("2027-12-01", "2028-01-10")).toThrow(CalendarRangeError);
  });

  it("malformed dates are refused, not guessed", () => {
    expect(() => isWorkingDay("2026-02-30")).toThrow(/not a real date/);
    expect(() => addWorkingDays("15/03/2026", 1)).toThrow(/not a real date/);
    expect(() => addWorkingDays("2026-03-15", 1.5)).toThrow(/whole number/);
  });
});
