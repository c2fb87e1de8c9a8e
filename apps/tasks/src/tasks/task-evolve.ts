import type { Task, TaskEvent } from "./task-types";

const withoutUndefined = <T extends object>(value: T): Partial<T> =>
  Object.fromEntries(Object.entries(value).filter(([, field]) => field !== undefined)) as Partial<T>;

/** Applies one event to a task; the only way task state ever changes. */
export function evolve(state: Task | null, event: TaskEvent): Task | null {
  if (event.type === "TaskAdded") {
    const { taskId, by: _by, ...details } = event.data;
    return {
      ...withoutUndefined(details),
      id: taskId,
      coOwners: details.coOwners,
      milestones: details.milestones,
      status: "DRAFT",
      progress: 0,
      extensions: [],
    } as Task;
  }
  if (state === null) return state;
  switch (event.type) {
    case "TaskUpdated": {
      const next: Task = { ...state, ...withoutUndefined(event.data.changes) };
      for (const field of event.data.cleared ?? []) delete next[field];
      return next;
    }
    case "TaskAssigned":
      return { ...state, status: "ASSIGNED" };
    case "TaskAccepted":
      return { ...state, status: "IN_PROGRESS" };
    case "TaskProgressReported": {
      const { percent, note, evidence, reportedAt, by } = event.data;
      return { ...state, progress: percent, lastReport: { percent, note, evidence, reportedAt, by: by.name } };
    }
    case "TaskSubmitted":
      return { ...state, status: "SUBMITTED", submittedAt: event.data.submittedAt };
    case "TaskConfirmed":
      return { ...state, status: "DONE", completion: event.data.completion, progress: 100 };
    case "TaskReturned": {
      const { submittedAt: _submittedAt, ...rest } = state;
      return { ...rest, status: "IN_PROGRESS", returnReason: event.data.reason };
    }
    case "TaskExtensionRequested": {
      const { requestedDeadline, reason, by } = event.data;
      return { ...state, pendingExtension: { requestedDeadline, reason, requestedBy: by.name } };
    }
    case "TaskExtensionGranted": {
      const { pendingExtension: _pending, ...rest } = state;
      const { previousDeadline, newDeadline, reason, by } = event.data;
      return {
        ...rest,
        deadline: newDeadline,
        extensions: [...state.extensions, { previousDeadline, newDeadline, reason, grantedBy: by.name }],
      };
    }
    case "TaskExtensionRejected": {
      const { pendingExtension: _pending, ...rest } = state;
      return rest;
    }
    case "TaskCancelled":
      return { ...state, status: "CANCELLED", cancelReason: event.data.reason };
    case "TaskBecameOverdue":
      return { ...state, overdueDeadline: event.data.deadline };
    case "TaskReminderDue":
      return { ...state, lastReminder: { deadline: event.data.deadline, daysBefore: event.data.daysBefore } };
    default: {
      const unknown: never = event;
      throw new Error(`unknown event ${JSON.stringify(unknown)}`);
    }
  }
}
