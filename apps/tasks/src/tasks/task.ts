import {
  fail,
  invalidTransition,
  notAllowed,
  notFound,
  ok,
  validationError,
  type DomainError,
  type Result,
} from "@lienthong/contracts/errors";
import { ownerProblems } from "../officials/official";
import { CITY_UNIT } from "../programmes/issuing-unit";
import { unknownUnitProblems } from "../units/known-units";
import { CHECKLIST_FIELDS, missingItems } from "./checklist";
import { executorAuthority, leadOwnerAuthority, managerAuthority, mayReadTask, plannerAuthority } from "./task-access";
import { completionOf, isOverdueAt, reminderDue } from "./task-deadline";
import type { Task, TaskCommand, TaskContext, TaskEvent, TaskStatus } from "./task-types";

const SCHEDULE = { name: "Lịch nhắc việc tự động", authority: "schedule" };

/** Field paths of a refused assignment start with this, one per missing checklist item. */
export const CHECKLIST_PATH = "checklist";

const by = (ctx: TaskContext, authority: string) => ({ name: ctx.principal.name, authority });
const notFoundTask = (id: string) => fail(notFound(`task ${id} not found`));
const refuse = (what: string) => fail(notAllowed(`you may not ${what} this task`));
const wrongState = (status: TaskStatus, attempted: string) => fail(invalidTransition(status.toLowerCase().replace("_", " "), attempted));

export function decide(command: TaskCommand, state: Task | null, ctx: TaskContext): Result<TaskEvent[]> {
  if (command.type === "AddTask") return add(command, state, ctx);
  // Another ward's task answers exactly like a missing one: its existence is not disclosed.
  if (state === null || !mayReadTask(ctx.principal, state)) return notFoundTask(command.taskId);
  const ref = { taskId: state.id, unit: state.unit };

  switch (command.type) {
    case "UpdateTask": {
      const authority = plannerAuthority(ctx.principal, state.assigningUnit);
      if (authority === null) return refuse("edit");
      if (state.status !== "DRAFT") return wrongState(state.status, "edit");
      const cleared = command.cleared ?? [];
      if (Object.values(command.changes).every((value) => value === undefined) && cleared.length === 0) {
        return fail(validationError([{ path: ["input"], message: "name at least one field to change" }]));
      }
      const owners = ownerProblems(command.changes, state.unit, ctx.officials);
      if (owners.length > 0) return fail(validationError(owners));
      return ok([
        {
          type: "TaskUpdated",
          data: { ...ref, changes: command.changes, ...(cleared.length > 0 ? { cleared } : {}), by: by(ctx, authority) },
        },
      ]);
    }
    case "AssignTask": {
      const authority = plannerAuthority(ctx.principal, state.assigningUnit);
      if (authority === null) return refuse("assign");
      if (state.status !== "DRAFT") return wrongState(state.status, "assign");
      const missing = missingItems(state, ctx.checklist);
      if (missing.length > 0 || state.leadOwner === undefined || state.deadline === undefined) {
        return fail(validationError(missing.map((item) => ({ path: [CHECKLIST_PATH, item], message: CHECKLIST_FIELDS[item].missing }))));
      }
      const data = { ...ref, leadOwner: state.leadOwner, coOwners: state.coOwners, deadline: state.deadline, by: by(ctx, authority) };
      return ok([{ type: "TaskAssigned", data }]);
    }
    case "AcceptTask": {
      const authority = executorAuthority(ctx.principal, state);
      if (authority === null) return refuse("accept");
      if (state.status !== "ASSIGNED") return wrongState(state.status, "accept");
      return ok([{ type: "TaskAccepted", data: { ...ref, by: by(ctx, authority) } }]);
    }
    case "ReportTaskProgress": {
      const authority = leadOwnerAuthority(ctx.principal, state);
      if (authority === null) return refuse("report progress on");
      if (state.status !== "IN_PROGRESS") return wrongState(state.status, "report progress");
      const { percent, note, evidence } = command;
      return ok([
        {
          type: "TaskProgressReported",
          data: { ...ref, percent, note, evidence, reportedAt: ctx.now.toISOString(), by: by(ctx, authority) },
        },
      ]);
    }
    case "SubmitTask": {
      const authority = leadOwnerAuthority(ctx.principal, state);
      if (authority === null) return refuse("submit");
      if (state.status !== "IN_PROGRESS") return wrongState(state.status, "submit");
      const note = command.note === undefined ? {} : { note: command.note };
      return ok([{ type: "TaskSubmitted", data: { ...ref, ...note, submittedAt: ctx.now.toISOString(), by: by(ctx, authority) } }]);
    }
    case "ConfirmTask": {
      const authority = confirmerAuthority(state, ctx);
      if (typeof authority !== "string") return authority;
      if (state.status !== "SUBMITTED" || state.submittedAt === undefined || state.deadline === undefined)
        return wrongState(state.status, "confirm");
      const completion = completionOf(state.deadline, state.submittedAt);
      return ok([
        {
          type: "TaskConfirmed",
          data: { ...ref, completion, deadline: state.deadline, submittedAt: state.submittedAt, by: by(ctx, authority) },
        },
      ]);
    }
    case "ReturnTask": {
      const authority = confirmerAuthority(state, ctx);
      if (typeof authority !== "string") return authority;
      if (state.status !== "SUBMITTED") return wrongState(state.status, "return");
      return ok([{ type: "TaskReturned", data: { ...ref, reason: command.reason, by: by(ctx, authority) } }]);
    }
    case "RequestExtension": {
      const authority = leadOwnerAuthority(ctx.principal, state);
      if (authority === null) return refuse("request an extension of");
      if (!["ASSIGNED", "IN_PROGRESS"].includes(state.status) || state.deadline === undefined)
        return wrongState(state.status, "request an extension");
      if (state.pendingExtension !== undefined) return fail(invalidTransition("extension requested", "request another extension"));
      if (command.newDeadline <= state.deadline) return laterThan(["newDeadline"], state.deadline);
      const data = {
        ...ref,
        currentDeadline: state.deadline,
        requestedDeadline: command.newDeadline,
        reason: command.reason,
        by: by(ctx, authority),
      };
      return ok([{ type: "TaskExtensionRequested", data }]);
    }
    case "GrantExtension": {
      const authority = confirmerAuthority(state, ctx);
      if (typeof authority !== "string") return authority;
      if (state.pendingExtension === undefined || state.deadline === undefined) return wrongState(state.status, "grant an extension");
      const newDeadline = command.newDeadline ?? state.pendingExtension.requestedDeadline;
      if (newDeadline <= state.deadline) return laterThan(["newDeadline"], state.deadline);
      const data = { ...ref, previousDeadline: state.deadline, newDeadline, reason: command.reason, by: by(ctx, authority) };
      return ok([{ type: "TaskExtensionGranted", data }]);
    }
    case "RejectExtension": {
      const authority = confirmerAuthority(state, ctx);
      if (typeof authority !== "string") return authority;
      if (state.pendingExtension === undefined) return wrongState(state.status, "reject an extension");
      const data = { ...ref, requestedDeadline: state.pendingExtension.requestedDeadline, reason: command.reason, by: by(ctx, authority) };
      return ok([{ type: "TaskExtensionRejected", data }]);
    }
    case "CancelTask": {
      const authority = managerAuthority(ctx.principal, state.assigningUnit);
      if (authority === null) return refuse("cancel");
      if (state.status === "DONE" || state.status === "CANCELLED") return wrongState(state.status, "cancel");
      return ok([{ type: "TaskCancelled", data: { ...ref, reason: command.reason, by: by(ctx, authority) } }]);
    }
    case "MarkTaskOverdue": {
      // Idempotent: the schedule may ask again, or several instances may ask at once.
      if (!isOverdueAt(state, ctx.now) || state.overdueDeadline === state.deadline || !state.deadline || !state.leadOwner) return ok([]);
      return ok([{ type: "TaskBecameOverdue", data: { ...ref, leadOwner: state.leadOwner, deadline: state.deadline, by: SCHEDULE } }]);
    }
    case "SendTaskReminder": {
      if (!["ASSIGNED", "IN_PROGRESS"].includes(state.status) || !state.deadline || !state.leadOwner) return ok([]);
      const daysBefore = reminderDue(state.deadline, ctx.reminderOffsets, ctx.now);
      const last = state.lastReminder;
      if (daysBefore === undefined || (last?.deadline === state.deadline && last.daysBefore <= daysBefore)) return ok([]);
      return ok([
        { type: "TaskReminderDue", data: { ...ref, leadOwner: state.leadOwner, deadline: state.deadline, daysBefore, by: SCHEDULE } },
      ]);
    }
    default: {
      const unknown: never = command;
      throw new Error(`unknown command ${JSON.stringify(unknown)}`);
    }
  }
}

function add(command: Extract<TaskCommand, { type: "AddTask" }>, state: Task | null, ctx: TaskContext): Result<TaskEvent[]> {
  const unknownUnit = unknownUnitProblems("unit", command.unit, ctx.knownUnits);
  if (unknownUnit.length > 0) return fail(validationError(unknownUnit));
  let assigningUnit = command.assigningUnit ?? command.unit;
  if (command.programmeId !== undefined) {
    if (!ctx.programme) return fail(notFound(`action programme ${command.programmeId} not found`));
    if (ctx.programme.closed) return fail(invalidTransition("programme closed", "add a task"));
    assigningUnit = ctx.programme.issuingUnit;
  }
  if (assigningUnit !== CITY_UNIT && assigningUnit !== command.unit) {
    return fail(
      validationError([
        { path: ["unit"], message: `a unit assigns tasks to itself only; the city assigns to any unit (assigning unit ${assigningUnit})` },
      ]),
    );
  }
  const authority = plannerAuthority(ctx.principal, assigningUnit);
  if (authority === null)
    return fail(notAllowed(`you may not add tasks assigned by ${assigningUnit === CITY_UNIT ? "the city" : `unit ${assigningUnit}`}`));
  if (state !== null) return fail(invalidTransition(state.status.toLowerCase(), "add"));
  const owners = ownerProblems(command.details, command.unit, ctx.officials);
  if (owners.length > 0) return fail(validationError(owners));
  const programme = command.programmeId === undefined ? {} : { programmeId: command.programmeId };
  return ok([
    {
      type: "TaskAdded",
      data: { taskId: command.taskId, unit: command.unit, assigningUnit, ...programme, ...command.details, by: by(ctx, authority) },
    },
  ]);
}

/** Confirming, returning and deciding extensions: a manager of the assigning unit, never the lead owner on their own task. */
function confirmerAuthority(state: Task, ctx: TaskContext): string | { ok: false; error: DomainError } {
  const authority = managerAuthority(ctx.principal, state.assigningUnit);
  if (authority === null) return refuse("confirm, return or extend");
  if (ctx.principal.sub === state.leadOwner) return fail(notAllowed("the lead owner cannot confirm, return or extend their own task"));
  return authority;
}

function laterThan(path: string[], deadline: string) {
  return fail(validationError([{ path, message: `must be later than the current deadline ${deadline}` }]));
}
