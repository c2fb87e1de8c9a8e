import { daysBefore, endOfVnDay, startOfVnDay } from "@lienthong/calendar/working-days";
import { OPEN_STATUSES, type Task, type TaskCompletion } from "./task-types";

/** The instant a deadline has passed: the end of that day in Vietnam. */
export function dueAt(deadline: string): Date {
  return endOfVnDay(deadline);
}

/** Work handed in before the deadline day ended in Vietnam is on time, whenever it is confirmed. */
export function completionOf(deadline: string, submittedAt: string): TaskCompletion {
  return Date.parse(submittedAt) < dueAt(deadline).getTime() ? "ON_TIME" : "LATE";
}

/**
 * From when an unfinished task counts as overdue, or undefined when it cannot be (draft, done, cancelled, no
 * deadline, or handed in on time and awaiting confirmation).
 */
export function overdueFrom(task: Pick<Task, "status" | "deadline" | "submittedAt">): Date | undefined {
  if (!OPEN_STATUSES.includes(task.status) || task.deadline === undefined) return undefined;
  const due = dueAt(task.deadline);
  if (task.status === "SUBMITTED" && task.submittedAt !== undefined && Date.parse(task.submittedAt) < due.getTime()) return undefined;
  return due;
}

export function isOverdueAt(task: Pick<Task, "status" | "deadline" | "submittedAt">, now: Date): boolean {
  const from = overdueFrom(task);
  return from !== undefined && now.getTime() >= from.getTime();
}

/** The nearest reminder offset whose day has begun before the deadline passed, or undefined. */
export function reminderDue(deadline: string, offsets: readonly number[], now: Date): number | undefined {
  if (now.getTime() >= dueAt(deadline).getTime()) return undefined;
  const due = offsets.filter((days) => now.getTime() >= startOfVnDay(daysBefore(deadline, days)).getTime());
  return due.length === 0 ? undefined : Math.min(...due);
}
