import type { z } from "zod";
import type * as events from "@lienthong/contracts/tasks";
import type { ClearableTaskField, TASK_COMPLETIONS, TASK_PRIORITIES, taskDetails } from "@lienthong/contracts/tasks";
import type { Principal } from "@lienthong/auth/principal";
import type { OfficialsById } from "../officials/official";
import type { KnownUnits } from "../units/known-units";
import type { ChecklistItem } from "./checklist";
import type { TASK_STATUSES, taskSchema } from "./task-state";

export { TASK_STATUSES } from "./task-state";
export type TaskStatus = (typeof TASK_STATUSES)[number];
/** Statuses in which a task is being worked on: they count towards "in progress" or "overdue not done". */
export const OPEN_STATUSES: readonly TaskStatus[] = ["ASSIGNED", "IN_PROGRESS", "SUBMITTED"];

export type TaskPriority = (typeof TASK_PRIORITIES)[number];
export type TaskCompletion = (typeof TASK_COMPLETIONS)[number];

/** What may be filled in while a task is a draft (absent = not given yet): the contract's declaration. */
export type TaskDetails = z.infer<typeof taskDetails>;
export type Milestone = TaskDetails["milestones"][number];

/**
 * A task: `unit` carries it out; `assigningUnit` assigned it (confirms, returns, grants extensions), "*" = the city
 * committee. Derived from the one schema in task-state.ts.
 */
export type Task = z.infer<typeof taskSchema>;
export type ProgressReport = NonNullable<Task["lastReport"]>;
export type Extension = Task["extensions"][number];

export type TaskChanges = Partial<TaskDetails>;
/** An optional detail an update may remove again. */
export type { ClearableTaskField };

export type TaskCommand =
  | { type: "AddTask"; taskId: string; unit: string; assigningUnit?: string; programmeId?: string; details: TaskDetails }
  | { type: "UpdateTask"; taskId: string; changes: TaskChanges; cleared?: ClearableTaskField[] }
  | { type: "AssignTask"; taskId: string }
  | { type: "AcceptTask"; taskId: string }
  | { type: "ReportTaskProgress"; taskId: string; percent: number; note: string; evidence: string[]; decreaseReason?: string }
  | { type: "SubmitTask"; taskId: string; note?: string }
  | { type: "ConfirmTask"; taskId: string }
  | { type: "ReturnTask"; taskId: string; reason: string }
  | { type: "RequestExtension"; taskId: string; newDeadline: string; reason: string }
  | { type: "GrantExtension"; taskId: string; reason: string; newDeadline?: string }
  | { type: "RejectExtension"; taskId: string; reason: string }
  | { type: "CancelTask"; taskId: string; reason: string }
  | { type: "MarkTaskOverdue"; taskId: string }
  | { type: "SendTaskReminder"; taskId: string };

type Data<D extends { schema: z.ZodType }> = z.infer<D["schema"]>;

export type TaskEvent =
  | { type: "TaskAdded"; data: Data<typeof events.taskAdded> }
  | { type: "TaskUpdated"; data: Data<typeof events.taskUpdated> }
  | { type: "TaskAssigned"; data: Data<typeof events.taskAssigned> }
  | { type: "TaskAccepted"; data: Data<typeof events.taskAccepted> }
  | { type: "TaskProgressReported"; data: Data<typeof events.taskProgressReported> }
  | { type: "TaskSubmitted"; data: Data<typeof events.taskSubmitted> }
  | { type: "TaskConfirmed"; data: Data<typeof events.taskConfirmed> }
  | { type: "TaskReturned"; data: Data<typeof events.taskReturned> }
  | { type: "TaskExtensionRequested"; data: Data<typeof events.taskExtensionRequested> }
  | { type: "TaskExtensionGranted"; data: Data<typeof events.taskExtensionGranted> }
  | { type: "TaskExtensionRejected"; data: Data<typeof events.taskExtensionRejected> }
  | { type: "TaskCancelled"; data: Data<typeof events.taskCancelled> }
  | { type: "TaskBecameOverdue"; data: Data<typeof events.taskBecameOverdue> }
  | { type: "TaskReminderDue"; data: Data<typeof events.taskReminderDue> };

export interface TaskContext {
  principal: Principal;
  now: Date;
  checklist: readonly ChecklistItem[];
  /** Days before the deadline at which the lead owner is reminded, e.g. [3, 1]. */
  reminderOffsets: readonly number[];
  /** The programme named by AddTask, as loaded by the command handler (null = no such programme). */
  programme?: { issuingUnit: string; closed: boolean } | null;
  /** The officials the command names as owners, as the tasks service knows them from directory. */
  officials: OfficialsById;
  /** The official unit codes: a task is only ever added for one of them. */
  knownUnits: KnownUnits;
}
