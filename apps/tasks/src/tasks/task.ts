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
import { unitLabel } from "@lienthong/contracts/labels";
import { ownerProblems } from "../officials/official";
import { CITY_UNIT } from "../programmes/issuing-unit";
import { unknownUnitProblems } from "../units/known-units";
import { vnDate } from "@lienthong/calendar/working-days";
import { CHECKLIST_FIELDS, missingItems } from "./checklist";
import { TASK_STATUS_LABELS } from "./messages";
import { executorAuthority, leadOwnerAuthority, managerAuthority, mayReadTask, plannerAuthority } from "./task-access";
import { completionOf, isOverdueAt, reminderDue } from "./task-deadline";
import type { Task, TaskCommand, TaskContext, TaskEvent, TaskStatus } from "./task-types";

const SCHEDULE = { name: "Lịch nhắc việc tự động", authority: "schedule" };

/** Field paths of a refused assignment start with this, one per missing checklist item. */
export const CHECKLIST_PATH = "checklist";

const by = (ctx: TaskContext, authority: string) => ({ name: ctx.principal.name, authority });
const notFoundTask = (id: string) => fail(notFound(`Không tìm thấy nhiệm vụ "${id}".`));
const refuse = (what: string) => fail(notAllowed(`Bạn không có quyền ${what} nhiệm vụ này.`));

/** What each refused command is called, as code (kept for programs) and as people say it. */
const ACTIONS = {
  edit: "sửa",
  assign: "giao",
  accept: "nhận",
  "report progress": "báo cáo tiến độ",
  submit: "báo cáo hoàn thành",
  confirm: "xác nhận hoàn thành",
  return: "trả lại",
  "request an extension": "xin gia hạn",
  "grant an extension": "gia hạn",
  "reject an extension": "từ chối gia hạn",
  cancel: "hủy",
} as const;
type Action = keyof typeof ACTIONS;

const wrongState = (status: TaskStatus, attempted: Action) =>
  fail(
    invalidTransition(
      status.toLowerCase().replace("_", " "),
      attempted,
      `Không thể ${ACTIONS[attempted]} nhiệm vụ đang ở trạng thái "${TASK_STATUS_LABELS[status]}".`,
    ),
  );

/** A deadline before today in Vietnam cannot be met: refused when a task is added or assigned. */
function pastDeadline(deadline: string | undefined, now: Date) {
  const today = vnDate(now);
  if (deadline === undefined || deadline >= today) return undefined;
  return fail(validationError([{ path: ["deadline"], message: `Hạn hoàn thành ${deadline} đã qua (hôm nay là ${today}).` }]));
}

export function decide(command: TaskCommand, state: Task | null, ctx: TaskContext): Result<TaskEvent[]> {
  if (command.type === "AddTask") return add(command, state, ctx);
  // Another ward's task answers exactly like a missing one: its existence is not disclosed.
  if (state === null || !mayReadTask(ctx.principal, state)) return notFoundTask(command.taskId);
  const ref = { taskId: state.id, unit: state.unit };

  switch (command.type) {
    case "UpdateTask": {
      const authority = plannerAuthority(ctx.principal, state.assigningUnit);
      if (authority === null) return refuse("sửa");
      if (state.status !== "DRAFT") return wrongState(state.status, "edit");
      const cleared = command.cleared ?? [];
      if (Object.values(command.changes).every((value) => value === undefined) && cleared.length === 0) {
        return fail(validationError([{ path: ["input"], message: "Hãy nêu ít nhất một nội dung cần sửa." }]));
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
      if (authority === null) return refuse("giao");
      if (state.status !== "DRAFT") return wrongState(state.status, "assign");
      const missing = missingItems(state, ctx.checklist);
      if (missing.length > 0 || state.leadOwner === undefined || state.deadline === undefined) {
        return fail(validationError(missing.map((item) => ({ path: [CHECKLIST_PATH, item], message: CHECKLIST_FIELDS[item].missing }))));
      }
      const late = pastDeadline(state.deadline, ctx.now);
      if (late) return late;
      const data = { ...ref, leadOwner: state.leadOwner, coOwners: state.coOwners, deadline: state.deadline, by: by(ctx, authority) };
      return ok([{ type: "TaskAssigned", data }]);
    }
    case "AcceptTask": {
      const authority = executorAuthority(ctx.principal, state);
      if (authority === null) return refuse("nhận");
      if (state.status !== "ASSIGNED") return wrongState(state.status, "accept");
      return ok([{ type: "TaskAccepted", data: { ...ref, by: by(ctx, authority) } }]);
    }
    case "ReportTaskProgress": {
      const authority = leadOwnerAuthority(ctx.principal, state);
      if (authority === null) return refuse("báo cáo tiến độ");
      if (state.status !== "IN_PROGRESS") return wrongState(state.status, "report progress");
      const { percent, note, evidence, decreaseReason } = command;
      if (percent < state.progress && !decreaseReason?.trim()) {
        const message = `Tiến độ giảm từ ${state.progress}% xuống ${percent}%: hãy ghi rõ lý do giảm.`;
        return fail(validationError([{ path: ["decreaseReason"], message }]));
      }
      const reason = percent < state.progress && decreaseReason ? { decreaseReason } : {};
      return ok([
        {
          type: "TaskProgressReported",
          data: { ...ref, percent, note, evidence, ...reason, reportedAt: ctx.now.toISOString(), by: by(ctx, authority) },
        },
      ]);
    }
    case "SubmitTask": {
      const authority = leadOwnerAuthority(ctx.principal, state);
      if (authority === null) return refuse("báo cáo hoàn thành");
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
      if (authority === null) return refuse("xin gia hạn");
      if (!["ASSIGNED", "IN_PROGRESS"].includes(state.status) || state.deadline === undefined)
        return wrongState(state.status, "request an extension");
      if (state.pendingExtension !== undefined) {
        const message = "Nhiệm vụ đang có một đề nghị gia hạn chờ quyết định; không thể xin gia hạn thêm.";
        return fail(invalidTransition("extension requested", "request another extension", message));
      }
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
      if (authority === null) return refuse("hủy");
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
    if (!ctx.programme) return fail(notFound(`Không tìm thấy chương trình hành động "${command.programmeId}".`));
    if (ctx.programme.closed) {
      return fail(invalidTransition("programme closed", "add a task", "Chương trình hành động đã kết thúc; không thể thêm nhiệm vụ."));
    }
    assigningUnit = ctx.programme.issuingUnit;
  }
  if (assigningUnit !== CITY_UNIT && assigningUnit !== command.unit) {
    return fail(
      validationError([
        {
          path: ["unit"],
          message: `${unitLabel(assigningUnit)} chỉ giao nhiệm vụ cho chính mình; chỉ Ủy ban MTTQ Thành phố giao nhiệm vụ cho đơn vị khác.`,
        },
      ]),
    );
  }
  const authority = plannerAuthority(ctx.principal, assigningUnit);
  if (authority === null) return fail(notAllowed(`Bạn không có quyền thêm nhiệm vụ do ${unitLabel(assigningUnit)} giao.`));
  if (state !== null) return fail(invalidTransition(state.status.toLowerCase(), "add", "Nhiệm vụ này đã có."));
  const late = pastDeadline(command.details.deadline, ctx.now);
  if (late) return late;
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
  if (authority === null) return refuse("xác nhận, trả lại hoặc gia hạn");
  if (ctx.principal.sub === state.leadOwner) {
    return fail(notAllowed("Người chủ trì không tự xác nhận, trả lại hoặc gia hạn nhiệm vụ của chính mình."));
  }
  return authority;
}

function laterThan(path: string[], deadline: string) {
  return fail(validationError([{ path, message: `Hạn mới phải sau hạn hiện tại ${deadline}.` }]));
}
