import { mayReadUnit, type Principal } from "@lienthong/auth/principal";
import { fail, notAllowed, ok, type Result } from "@lienthong/contracts/errors";
import { unitLabel } from "@lienthong/contracts/labels";
import { csvText } from "../http/csv-text";
import { readScopeOf } from "../tasks/read-scope";
import type { BucketCounts, TaskFilter, TaskQueries } from "../tasks/task-store";

export interface TaskSummary extends BucketCounts {
  /** Tasks in any bucket (drafts and cancelled tasks are in none). */
  total: number;
  /** overdueNotDone / total, the key indicator; 0 when there are no tasks. */
  overdueShare: number;
}

export interface UnitSummary {
  unit: string;
  summary: TaskSummary;
}

export function summarise(counts: BucketCounts): TaskSummary {
  const total = counts.doneOnTime + counts.doneLate + counts.inProgressWithinDeadline + counts.overdueNotDone;
  return { ...counts, total, overdueShare: total === 0 ? 0 : counts.overdueNotDone / total };
}

export interface ReportRequest {
  /** Units to report on; undefined = every unit the caller may read that has tasks. */
  units?: string[];
  /** Tasks whose deadline falls within [from, to]. */
  from?: string;
  to?: string;
}

/** The city report in the official buckets, one row per unit, refusing units the caller may not read. */
export async function taskReport(
  tasks: TaskQueries,
  principal: Principal,
  request: ReportRequest,
  now: Date,
): Promise<Result<UnitSummary[]>> {
  const forbidden = (request.units ?? []).filter((unit) => !mayReadUnit(principal, unit));
  if (forbidden.length > 0) return fail(notAllowed(`Bạn không có quyền xem nhiệm vụ của ${forbidden.map(unitLabel).join(", ")}.`));
  const scope = readScopeOf(principal);
  const units = request.units ?? scope?.units;
  const filter: TaskFilter = {
    now,
    ...(units ? { units } : {}),
    ...(request.from ? { deadlineFrom: request.from } : {}),
    ...(request.to ? { deadlineTo: request.to } : {}),
  };
  const byUnit = await tasks.bucketsByUnit(filter);
  const codes = request.units ?? [...byUnit.keys()].sort();
  const empty: BucketCounts = { doneOnTime: 0, doneLate: 0, inProgressWithinDeadline: 0, overdueNotDone: 0 };
  return ok(codes.map((unit) => ({ unit, summary: summarise(byUnit.get(unit) ?? empty) })));
}

const CSV_HEADER = [
  "Mã đơn vị",
  "Đơn vị",
  "Hoàn thành đúng hạn",
  "Hoàn thành quá hạn",
  "Đang thực hiện trong hạn",
  "Quá hạn chưa hoàn thành",
  "Tổng số",
  "Tỷ lệ quá hạn",
];

/** RFC 4180 text with Vietnamese headers, one row per unit (code and name); the share is a fraction, e.g. 0.2500. */
export function reportCsv(rows: UnitSummary[]): string {
  const lines = rows.map(({ unit, summary }) =>
    [
      unit,
      csvText(unitLabel(unit)),
      summary.doneOnTime,
      summary.doneLate,
      summary.inProgressWithinDeadline,
      summary.overdueNotDone,
      summary.total,
      summary.overdueShare.toFixed(4),
    ].join(","),
  );
  return `${[CSV_HEADER.map(csvText).join(","), ...lines].join("\r\n")}\r\n`;
}
