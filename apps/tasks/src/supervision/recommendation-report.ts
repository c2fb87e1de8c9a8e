import { mayReadUnit, type Principal } from "@lienthong/auth/principal";
import { fail, notAllowed, ok, type Result } from "@lienthong/contracts/errors";
import { unitLabel } from "@lienthong/contracts/labels";
import { csvText } from "../http/csv-text";
import { readScopeOf } from "../tasks/read-scope";
import type { RecommendationCounts, RecommendationQueries } from "./recommendation-store";

/** Recommendations counted like tasks: answered, open within the due date, overdue and unanswered. */
export interface RecommendationSummary extends RecommendationCounts {
  issued: number;
  /** overdue / issued, 0 when none were issued: the same key indicator as for tasks. */
  overdueShare: number;
}

export interface UnitRecommendationSummary {
  unit: string;
  summary: RecommendationSummary;
}

export function summariseRecommendations(counts: RecommendationCounts): RecommendationSummary {
  const issued = counts.answered + counts.open + counts.overdue;
  return { ...counts, issued, overdueShare: issued === 0 ? 0 : counts.overdue / issued };
}

/** One row per supervised unit, refusing units the caller may not read. */
export async function recommendationReport(
  queries: RecommendationQueries,
  principal: Principal,
  units: string[] | undefined,
  now: Date,
): Promise<Result<UnitRecommendationSummary[]>> {
  const forbidden = (units ?? []).filter((unit) => !mayReadUnit(principal, unit));
  if (forbidden.length > 0) return fail(notAllowed(`Bạn không có quyền xem kiến nghị của ${forbidden.map(unitLabel).join(", ")}.`));
  const scoped = units ?? readScopeOf(principal)?.units;
  const byUnit = await queries.countsByUnit({ now, ...(scoped ? { units: scoped } : {}) });
  const codes = units ?? [...byUnit.keys()].sort();
  return ok(codes.map((unit) => ({ unit, summary: summariseRecommendations(byUnit.get(unit) ?? { answered: 0, open: 0, overdue: 0 }) })));
}

const CSV_HEADER = ["Mã đơn vị", "Đơn vị", "Số kiến nghị", "Đã trả lời", "Chưa trả lời", "Quá hạn trả lời", "Tỷ lệ quá hạn"];

/** RFC 4180 text with Vietnamese headers, one row per unit (code and name). */
export function recommendationCsv(rows: UnitRecommendationSummary[]): string {
  const lines = rows.map(({ unit, summary }) =>
    [unit, csvText(unitLabel(unit)), summary.issued, summary.answered, summary.open, summary.overdue, summary.overdueShare.toFixed(4)].join(
      ",",
    ),
  );
  return `${[CSV_HEADER.map(csvText).join(","), ...lines].join("\r\n")}\r\n`;
}
