import { addDays, assertIsoDate, dayNumber, fromDayNumber, weekdayOf, yearOf, type IsoDate } from "./iso-date";
import { parseHolidayYears, VIETNAM_HOLIDAYS, type DayOff, type HolidayYear } from "./holidays";

export type { IsoDate } from "./iso-date";

/** Vietnam keeps UTC+7 all year (no daylight saving time). */
const VN_OFFSET_MS = 7 * 3_600_000;

/** A date outside the years the holiday data covers: computing with it would silently ignore holidays. */
export class CalendarRangeError extends RangeError {
  constructor(
    readonly year: number,
    readonly covered: readonly number[],
  ) {
    super(
      `no holiday data for ${year}: the working-day calendar covers ${describeYears(covered)}; ` +
        `add that year's Government holiday decision to packages/calendar/src/holidays.ts`,
    );
    this.name = "CalendarRangeError";
  }
}

/** The Vietnamese calendar date of an instant. */
export function vnDate(instant: Date): IsoDate {
  if (Number.isNaN(instant.getTime())) throw new RangeError("vnDate: invalid Date");
  return new Date(instant.getTime() + VN_OFFSET_MS).toISOString().slice(0, 10);
}

/** The first instant after `date` in Vietnam (its midnight, 17:00 UTC): a deadline on `date` has passed when now ≥ this. */
export function endOfVnDay(date: IsoDate): Date {
  return new Date(`${addDays(date, 1)}T00:00:00+07:00`);
}

/** The instant `date` begins in Vietnam (00:00 +07:00). */
export function startOfVnDay(date: IsoDate): Date {
  return new Date(`${assertIsoDate(date)}T00:00:00+07:00`);
}

/** "E−N": the calendar date `n` days before `date` (holidays do not matter for calendar-day periods). */
export function daysBefore(date: IsoDate, n: number): IsoDate {
  return addDays(date, -n);
}

/** The calendar date `n` days after `date`. */
export function daysAfter(date: IsoDate, n: number): IsoDate {
  return addDays(date, n);
}

export interface WorkingCalendar {
  /** The years this calendar has holiday data for; any working-day question outside them throws CalendarRangeError. */
  readonly years: readonly number[];
  isWorkingDay(date: IsoDate): boolean;
  /** Why `date` is a day off (holiday, compensatory or swapped day), or undefined. */
  dayOff(date: IsoDate): DayOff | undefined;
  /**
   * "N working days after `date`": `date` itself is not counted (Civil Code art. 147), so it may be any day, even a
   * day off or the last day of a year without data; n < 0 counts backwards; n = 0 → `date`.
   */
  addWorkingDays(date: IsoDate, n: number): IsoDate;
  /** Working days after `from` up to and including `to` (negative when `to` is earlier); addWorkingDays(from, k) inverts it. */
  workingDaysBetween(from: IsoDate, to: IsoDate): number;
  /** `date` when it is a working day, else the next one (Civil Code art. 148: a period ending on a day off ends on the next working day). */
  workingDayOnOrAfter(date: IsoDate): IsoDate;
}

export function createWorkingCalendar(data: readonly HolidayYear[]): WorkingCalendar {
  const years = parseHolidayYears(data);
  const covered = years.map((entry) => entry.year).sort((a, b) => a - b);
  const coveredSet = new Set(covered);
  const daysOff = new Map(years.flatMap((entry) => entry.daysOff.map((day) => [day.date, day] as const)));
  const workingWeekendDays = new Set(years.flatMap((entry) => entry.workingWeekendDays.map((day) => day.date)));

  const requireCovered = (date: IsoDate): void => {
    const year = yearOf(date);
    if (!coveredSet.has(year)) throw new CalendarRangeError(year, covered);
  };

  const isWorkingDay = (date: IsoDate): boolean => {
    requireCovered(date);
    if (daysOff.has(date)) return false;
    const weekday = weekdayOf(date);
    return (weekday !== 0 && weekday !== 6) || workingWeekendDays.has(date);
  };

  const addWorkingDays = (date: IsoDate, n: number): IsoDate => {
    if (!Number.isInteger(n)) throw new RangeError(`addWorkingDays: n must be a whole number, got ${n}`);
    const step = n < 0 ? -1 : 1;
    let day = dayNumber(date);
    for (let remaining = Math.abs(n); remaining > 0;) {
      day += step;
      if (isWorkingDay(fromDayNumber(day))) remaining -= 1;
    }
    return fromDayNumber(day);
  };

  const workingDaysBetween = (from: IsoDate, to: IsoDate): number => {
    const [start, end, sign] = dayNumber(from) <= dayNumber(to) ? [from, to, 1] : [to, from, -1];
    let count = 0;
    for (let day = dayNumber(start) + 1; day <= dayNumber(end); day += 1) {
      if (isWorkingDay(fromDayNumber(day))) count += 1;
    }
    return sign * count;
  };

  const workingDayOnOrAfter = (date: IsoDate): IsoDate => (isWorkingDay(date) ? date : addWorkingDays(date, 1));

  return {
    years: covered,
    isWorkingDay,
    dayOff: (date) => {
      requireCovered(date);
      return daysOff.get(date);
    },
    addWorkingDays,
    workingDaysBetween,
    workingDayOnOrAfter,
  };
}

/** The calendar of Vietnamese state-sector working days (holidays.ts). */
export const vietnamCalendar: WorkingCalendar = createWorkingCalendar(VIETNAM_HOLIDAYS);

export const isWorkingDay = (date: IsoDate): boolean => vietnamCalendar.isWorkingDay(date);
export const addWorkingDays = (date: IsoDate, n: number): IsoDate => vietnamCalendar.addWorkingDays(date, n);
export const workingDaysBetween = (from: IsoDate, to: IsoDate): number => vietnamCalendar.workingDaysBetween(from, to);
export const workingDayOnOrAfter = (date: IsoDate): IsoDate => vietnamCalendar.workingDayOnOrAfter(date);

function describeYears(years: readonly number[]): string {
  if (years.length === 0) return "no years";
  const first = years[0];
  const last = years[years.length - 1];
  const contiguous = first !== undefined && last !== undefined && last - first + 1 === years.length;
  return contiguous && years.length > 1 ? `${first}–${last}` : years.join(", ");
}
