import { addDays, fromDayNumber, dayNumber, type IsoDate } from "@lienthong/calendar/iso-date";
import { newId } from "@lienthong/contracts/ids";
import { TASK_PRIORITIES } from "@lienthong/contracts/tasks";
import { completionOf, dueAt } from "@lienthong/tasks/tasks/task-deadline";
import { toStored, type TaskDocument } from "@lienthong/tasks/tasks/task-store";
import type { Task, TaskStatus } from "@lienthong/tasks/tasks/task-types";
import { pick, UNIT_CODES } from "./task-docs";

/** Share of each status among the generated tasks: most work is under way or done, a few are drafts or cancelled. */
const STATUS_WEIGHTS: ReadonlyArray<readonly [TaskStatus, number]> = [
  ["DRAFT", 0.05],
  ["ASSIGNED", 0.1],
  ["IN_PROGRESS", 0.35],
  ["SUBMITTED", 0.08],
  ["DONE", 0.37],
  ["CANCELLED", 0.05],
];

const WORK = [
  { title: "Rà soát hộ nghèo, cận nghèo", deliverable: "Danh sách rà soát có xác nhận", expectedResult: "100% hộ được rà soát" },
  { title: "Vận động Quỹ Vì người nghèo", deliverable: "Báo cáo kết quả vận động", expectedResult: "Đạt 120% chỉ tiêu năm trước" },
  {
    title: "Tổng hợp ý kiến cử tri gửi HĐND phường",
    deliverable: "Báo cáo tổng hợp",
    expectedResult: "Mọi ý kiến được phân loại và chuyển đi",
  },
  {
    title: "Tuyên truyền Nghị quyết Đại hội MTTQ đến khu phố",
    deliverable: "Kế hoạch và ảnh hoạt động",
    expectedResult: "Mỗi khu phố có ít nhất 1 buổi sinh hoạt",
  },
  { title: "Xây dựng mô hình khu phố văn minh", deliverable: "Đề án mô hình", expectedResult: "1 khu phố điểm được công nhận" },
];
const OFFICIALS_PER_UNIT = 6;
const PROGRAMMES_PER_UNIT = 3;
/** Deadlines fall on the days of 2026. */
const FIRST_DEADLINE = dayNumber("2026-01-01" as IsoDate);

/** The people and programmes of each unit, so tasks of one unit share lead owners and programmes as they would in use. */
interface UnitStaff {
  officials: string[];
  programmes: string[];
}

function staffOf(units: readonly string[]): Map<string, UnitStaff> {
  const ids = (count: number) => Array.from({ length: count }, () => newId());
  return new Map(units.map((unit) => [unit, { officials: ids(OFFICIALS_PER_UNIT), programmes: ids(PROGRAMMES_PER_UNIT) }]));
}

function statusOf(random: () => number): TaskStatus {
  let roll = random();
  for (const [status, weight] of STATUS_WEIGHTS) {
    roll -= weight;
    if (roll < 0) return status;
  }
  return "DONE";
}

/** One task as its events would have left it at `now`, with the version those events give it. */
function makeTask(index: number, unit: string, staff: UnitStaff, random: () => number, now: Date): { task: Task; version: number } {
  const status = statusOf(random);
  const work = pick(WORK, random);
  const deadline = fromDayNumber(FIRST_DEADLINE + Math.floor(random() * 365));
  const lead = pick(staff.officials, random);
  const reports = status === "DRAFT" || status === "ASSIGNED" ? 0 : Math.floor(random() * 4);
  const reportedAt = new Date(Math.min(now.getTime(), dueAt(addDays(deadline, -3)).getTime())).toISOString();
  // Handed in within three weeks before to ten days after the deadline, never after `now`.
  const submittedAt = new Date(Math.min(now.getTime(), dueAt(addDays(deadline, Math.floor(random() * 31) - 20)).getTime())).toISOString();
  const handedIn = status === "SUBMITTED" || status === "DONE";
  const overdue = (status === "ASSIGNED" || status === "IN_PROGRESS") && dueAt(deadline).getTime() <= now.getTime();
  const task: Task = {
    id: newId(),
    unit,
    assigningUnit: random() < 0.2 ? "*" : unit,
    ...(random() < 0.7 ? { programmeId: pick(staff.programmes, random) } : {}),
    title: `${work.title} (${index + 1})`,
    description: `${work.title} theo kế hoạch của Ban Thường trực Ủy ban MTTQ phường`,
    ...(status === "DRAFT" && random() < 0.5
      ? {}
      : { leadOwner: lead, deliverable: work.deliverable, expectedResult: work.expectedResult, deadline }),
    coOwners: staff.officials.filter((official) => official !== lead && random() < 0.15),
    milestones: random() < 0.2 ? [{ title: "Báo cáo sơ kết", due: addDays(deadline, -14) }] : [],
    priority: pick(TASK_PRIORITIES, random),
    status,
    progress: handedIn ? 100 : reports * 25,
    ...(reports > 0 || handedIn
      ? {
          lastReport: { percent: handedIn ? 100 : reports * 25, note: "Đã triển khai đến các khu phố", evidence: [], reportedAt, by: lead },
        }
      : {}),
    ...(handedIn ? { submittedAt } : {}),
    ...(status === "DONE" ? { completion: completionOf(deadline, submittedAt) } : {}),
    extensions: [],
    ...(status === "CANCELLED" ? { cancelReason: "Nội dung đã lồng ghép vào nhiệm vụ khác" } : {}),
    // The overdue schedule has already flagged open tasks whose deadline passed.
    ...(overdue ? { overdueDeadline: deadline } : {}),
  };
  const events = { DRAFT: 1, ASSIGNED: 2, IN_PROGRESS: 3, SUBMITTED: 4, DONE: 5, CANCELLED: 3 }[status] + reports + (overdue ? 1 : 0);
  return { task, version: events };
}

/**
 * `count` task aggregates exactly as the tasks service stores them (state, derived instants, version, empty outbox),
 * units drawn uniformly from the 168 codes: about count / 168 tasks per unit.
 */
export function makeStoredTasks(count: number, random: () => number, now: Date): TaskDocument[] {
  const staff = staffOf(UNIT_CODES);
  return Array.from({ length: count }, (_, index) => {
    const unit = pick(UNIT_CODES, random);
    const { task, version } = makeTask(index, unit, staff.get(unit) as UnitStaff, random, now);
    return { _id: task.id, ...toStored(task), version, _outbox: [] };
  });
}
