import { z } from "zod";
import { isRealDate, weekdayOf } from "./iso-date";

/**
 * Public holidays of the Vietnamese state sector (cán bộ, công chức, viên chức — the Front's own staff), year by year.
 * Labor Code 2019 art. 112 fixes 11 days (1/1; 5 days of Tết; 10/3 lunar; 30/4; 1/5; 2/9 plus one adjacent day);
 * art. 111(3): a holiday on a weekly rest day is compensated on the next working day. Every year the Government
 * picks the Tết and National Day days and may swap a weekday off against a make-up working Saturday; those
 * decisions are the sources below. Add a year here (with its sources) as soon as the Government decides it.
 */
export const dayOffKinds = ["holiday", "compensatory", "swapped"] as const;

const isoDate = z.string().refine(isRealDate, "must be a real date written YYYY-MM-DD");

const dayOffSchema = z.object({
  date: isoDate,
  kind: z.enum(dayOffKinds),
  name: z.string().min(1),
});

const workingWeekendDaySchema = z.object({ date: isoDate, name: z.string().min(1) });

export const holidayYearSchema = z
  .object({
    year: z.number().int().min(2000).max(2100),
    /** "provisional": computed from the Labor Code before the Government's decision for that year is known. */
    status: z.enum(["official", "provisional"]),
    sources: z.array(z.string().min(1)).min(1),
    daysOff: z.array(dayOffSchema),
    /** Make-up working days: a Saturday or Sunday worked in exchange for a swapped weekday. */
    workingWeekendDays: z.array(workingWeekendDaySchema),
  })
  .superRefine((entry, ctx) => {
    const seen = new Map<string, string>();
    const check = (date: string, path: (string | number)[]) => {
      if (!isRealDate(date)) return;
      if (!date.startsWith(`${entry.year}-`)) ctx.addIssue({ code: "custom", path, message: `${date} is outside ${entry.year}` });
      const first = seen.get(date);
      if (first !== undefined) ctx.addIssue({ code: "custom", path, message: `${date} is listed twice (also at ${first})` });
      else seen.set(date, path.join("."));
    };
    entry.daysOff.forEach((day, i) => check(day.date, ["daysOff", i, "date"]));
    entry.workingWeekendDays.forEach((day, i) => {
      check(day.date, ["workingWeekendDays", i, "date"]);
      const weekday = isRealDate(day.date) ? weekdayOf(day.date) : 6;
      if (weekday !== 0 && weekday !== 6) {
        ctx.addIssue({ code: "custom", path: ["workingWeekendDays", i, "date"], message: `${day.date} is not a Saturday or Sunday` });
      }
    });
  });

export type HolidayYear = z.infer<typeof holidayYearSchema>;
export type DayOff = HolidayYear["daysOff"][number];

export const holidayYearsSchema = z.array(holidayYearSchema).superRefine((years, ctx) => {
  const seen = new Set<number>();
  years.forEach((entry, i) => {
    if (seen.has(entry.year)) ctx.addIssue({ code: "custom", path: [i, "year"], message: `year ${entry.year} is listed twice` });
    seen.add(entry.year);
  });
});

/** Parses holiday data, throwing one error that names every problem (path: message). */
export function parseHolidayYears(raw: unknown): HolidayYear[] {
  const result = holidayYearsSchema.safeParse(raw);
  if (result.success) return result.data;
  const lines = result.error.issues.map((issue) => `  ${issue.path.join(".") || "(holidays)"}: ${issue.message}`);
  throw new Error(`Invalid holiday data:\n${lines.join("\n")}`);
}

const day = (date: string, kind: DayOff["kind"], name: string): DayOff => ({ date, kind, name });

const TET_DUONG_LICH = "Tết Dương lịch";
const TET = "Tết Nguyên đán";
const GIO_TO = "Giỗ Tổ Hùng Vương (10/3 âm lịch)";
const VICTORY = "Ngày Chiến thắng 30/4";
const LABOUR = "Ngày Quốc tế Lao động 1/5";
const NATIONAL = "Quốc khánh 2/9";

export const VIETNAM_HOLIDAYS: HolidayYear[] = parseHolidayYears([
  {
    year: 2025,
    status: "official",
    sources: [
      "Công văn 8726/VPCP-KGVX (26/11/2024): Thủ tướng đồng ý lịch nghỉ Tết Ất Tỵ và các dịp lễ năm 2025",
      "Thông báo 6150/TB-BLĐTBXH (2024): Tết 25/1–2/2/2025; 30/4–4/5/2025 (làm bù thứ Bảy 26/4); Quốc khánh 30/8–2/9/2025",
    ],
    daysOff: [
      day("2025-01-01", "holiday", TET_DUONG_LICH),
      ...["2025-01-27", "2025-01-28", "2025-01-29", "2025-01-30", "2025-01-31"].map((date) => day(date, "holiday", TET)),
      day("2025-04-07", "holiday", GIO_TO),
      day("2025-04-30", "holiday", VICTORY),
      day("2025-05-01", "holiday", LABOUR),
      day("2025-05-02", "swapped", "Nghỉ hoán đổi (làm bù thứ Bảy 26/4)"),
      day("2025-09-01", "holiday", `${NATIONAL} (ngày liền kề)`),
      day("2025-09-02", "holiday", NATIONAL),
    ],
    workingWeekendDays: [{ date: "2025-04-26", name: "Làm bù cho thứ Sáu 2/5" }],
  },
  {
    year: 2026,
    status: "official",
    sources: [
      "Văn phòng Chính phủ (25/12/2025), Bộ Nội vụ thông báo cùng ngày: Tết Dương lịch 1/1–4/1/2026, làm bù thứ Bảy 10/1",
      "Thông báo 9441/TB-BNV (16/10/2025): Tết Bính Ngọ 14/2–22/2/2026; Quốc khánh 29/8–2/9/2026 (làm bù thứ Bảy 22/8)",
      "Bộ luật Lao động 2019 điều 111(3): Giỗ Tổ 26/4/2026 là Chủ nhật, nghỉ bù thứ Hai 27/4",
    ],
    daysOff: [
      day("2026-01-01", "holiday", TET_DUONG_LICH),
      day("2026-01-02", "swapped", "Nghỉ hoán đổi (làm bù thứ Bảy 10/1)"),
      ...["2026-02-16", "2026-02-17", "2026-02-18", "2026-02-19", "2026-02-20"].map((date) => day(date, "holiday", TET)),
      day("2026-04-26", "holiday", GIO_TO),
      day("2026-04-27", "compensatory", `Nghỉ bù ${GIO_TO}`),
      day("2026-04-30", "holiday", VICTORY),
      day("2026-05-01", "holiday", LABOUR),
      day("2026-08-31", "swapped", "Nghỉ hoán đổi (làm bù thứ Bảy 22/8)"),
      day("2026-09-01", "holiday", `${NATIONAL} (ngày liền kề)`),
      day("2026-09-02", "holiday", NATIONAL),
    ],
    workingWeekendDays: [
      { date: "2026-01-10", name: "Làm bù cho thứ Sáu 2/1" },
      { date: "2026-08-22", name: "Làm bù cho thứ Hai 31/8" },
    ],
  },
  {
    // No Government decision yet: Labor Code days, Tết arranged like 2023 (Tết on a weekend: two days before,
    // weekend days compensated after), the adjacent National Day the Friday. Replace with the decision when issued.
    year: 2027,
    status: "provisional",
    sources: [
      "Bộ luật Lao động 2019 điều 111(3), 112; lịch âm: Tết Đinh Mùi 6/2/2027, Giỗ Tổ 16/4/2027",
      "Chưa có quyết định của Thủ tướng cho năm 2027 (provisional)",
    ],
    daysOff: [
      day("2027-01-01", "holiday", TET_DUONG_LICH),
      ...["2027-02-04", "2027-02-05", "2027-02-06", "2027-02-07", "2027-02-08"].map((date) => day(date, "holiday", TET)),
      day("2027-02-09", "compensatory", `Nghỉ bù ${TET}`),
      day("2027-02-10", "compensatory", `Nghỉ bù ${TET}`),
      day("2027-04-16", "holiday", GIO_TO),
      day("2027-04-30", "holiday", VICTORY),
      day("2027-05-01", "holiday", LABOUR),
      day("2027-05-03", "compensatory", `Nghỉ bù ${LABOUR}`),
      day("2027-09-02", "holiday", NATIONAL),
      day("2027-09-03", "holiday", `${NATIONAL} (ngày liền kề)`),
    ],
    workingWeekendDays: [],
  },
]);
