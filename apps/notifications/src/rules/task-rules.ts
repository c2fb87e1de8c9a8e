import {
  taskAssigned,
  taskBecameOverdue,
  taskCancelled,
  taskConfirmed,
  taskExtensionGranted,
  taskExtensionRejected,
  taskExtensionRequested,
  taskReminderDue,
  taskReturned,
  taskSubmitted,
} from "@lienthong/contracts/tasks";
import { taskName, unitName, vietnameseDate } from "./format";
import { leadOwnerAndUnitAdmins, leadOwnerOf, managersOf, ownersOf, staffOf } from "./recipients";
import { defineRule, distinct, type AnyRule, type RecipientLookup } from "./rule";

const byTaskId = (data: { taskId: string }) => data.taskId;

/** The people of the unit that assigned the task, or none while the task is not known yet. */
async function ofAssigningUnit(taskId: string, lookup: RecipientLookup, whom: typeof staffOf): Promise<string[]> {
  const assigning = (await lookup.task(taskId))?.assigningUnit;
  return assigning === undefined ? [] : whom(assigning, lookup);
}

const COMPLETION = { ON_TIME: "đúng hạn", LATE: "trễ hạn" } as const;

export const taskRules: AnyRule[] = [
  defineRule({
    kind: "TASK_ASSIGNED",
    event: taskAssigned,
    taskId: byTaskId,
    recipients: async (data) => distinct([data.leadOwner, ...data.coOwners]),
    message: (data, { task, recipient }) => ({
      title: "Bạn được giao nhiệm vụ mới",
      body: `Bạn được ${task?.assigningUnit === undefined ? "" : `${unitName(task.assigningUnit)} `}giao ${recipient === data.leadOwner ? "chủ trì" : "phối hợp thực hiện"} nhiệm vụ ${taskName(task, data.taskId)}; hạn hoàn thành ${vietnameseDate(data.deadline)}.`,
    }),
  }),
  defineRule({
    kind: "TASK_SUBMITTED",
    event: taskSubmitted,
    taskId: byTaskId,
    recipients: (data, lookup) => ofAssigningUnit(data.taskId, lookup, staffOf),
    message: (data, { task }) => ({
      title: "Nhiệm vụ đã được báo cáo hoàn thành",
      body: `${unitName(data.unit)} đã gửi kết quả nhiệm vụ ${taskName(task, data.taskId)} và chờ xác nhận.`,
    }),
  }),
  defineRule({
    kind: "TASK_CONFIRMED",
    event: taskConfirmed,
    taskId: byTaskId,
    recipients: (data, lookup) => ownersOf(data.taskId, lookup),
    message: (data, { task }) => ({
      title: "Nhiệm vụ được xác nhận hoàn thành",
      body: `Kết quả nhiệm vụ ${taskName(task, data.taskId)} đã được xác nhận hoàn thành ${COMPLETION[data.completion]} (hạn ${vietnameseDate(data.deadline)}).`,
    }),
  }),
  defineRule({
    kind: "TASK_RETURNED",
    event: taskReturned,
    taskId: byTaskId,
    recipients: (data, lookup) => leadOwnerOf(data.taskId, lookup),
    message: (data, { task }) => ({
      title: "Nhiệm vụ bị trả lại",
      body: `Kết quả nhiệm vụ ${taskName(task, data.taskId)} bị trả lại. Lý do: ${data.reason}`,
    }),
  }),
  defineRule({
    kind: "TASK_EXTENSION_REQUESTED",
    event: taskExtensionRequested,
    taskId: byTaskId,
    recipients: (data, lookup) => ofAssigningUnit(data.taskId, lookup, managersOf),
    message: (data, { task }) => ({
      title: "Đề nghị gia hạn nhiệm vụ",
      body: `${unitName(data.unit)} đề nghị gia hạn nhiệm vụ ${taskName(task, data.taskId)} từ ${vietnameseDate(data.currentDeadline)} đến ${vietnameseDate(data.requestedDeadline)}. Lý do: ${data.reason}`,
    }),
  }),
  defineRule({
    kind: "TASK_EXTENSION_GRANTED",
    event: taskExtensionGranted,
    taskId: byTaskId,
    recipients: (data, lookup) => leadOwnerOf(data.taskId, lookup),
    message: (data, { task }) => ({
      title: "Đề nghị gia hạn được chấp thuận",
      body: `Hạn hoàn thành nhiệm vụ ${taskName(task, data.taskId)} được gia hạn từ ${vietnameseDate(data.previousDeadline)} đến ${vietnameseDate(data.newDeadline)}.`,
    }),
  }),
  defineRule({
    kind: "TASK_EXTENSION_REJECTED",
    event: taskExtensionRejected,
    taskId: byTaskId,
    recipients: (data, lookup) => leadOwnerOf(data.taskId, lookup),
    message: (data, { task }) => ({
      title: "Đề nghị gia hạn không được chấp thuận",
      body: `Đề nghị gia hạn nhiệm vụ ${taskName(task, data.taskId)} đến ${vietnameseDate(data.requestedDeadline)} không được chấp thuận. Lý do: ${data.reason}`,
    }),
  }),
  defineRule({
    kind: "TASK_CANCELLED",
    event: taskCancelled,
    taskId: byTaskId,
    recipients: (data, lookup) => ownersOf(data.taskId, lookup),
    message: (data, { task }) => ({
      title: "Nhiệm vụ đã bị hủy",
      body: `Nhiệm vụ ${taskName(task, data.taskId)} của ${unitName(data.unit)} đã bị hủy; không cần thực hiện tiếp. Lý do: ${data.reason}`,
    }),
  }),
  defineRule({
    kind: "TASK_REMINDER_DUE",
    event: taskReminderDue,
    taskId: byTaskId,
    recipients: (data, lookup) => leadOwnerAndUnitAdmins(data.leadOwner, data.unit, lookup),
    message: (data, { task }) => ({
      title: "Nhắc hạn nhiệm vụ",
      body: `Nhiệm vụ ${taskName(task, data.taskId)} còn ${data.daysBefore} ngày nữa đến hạn hoàn thành (${vietnameseDate(data.deadline)}).`,
    }),
  }),
  defineRule({
    kind: "TASK_OVERDUE",
    event: taskBecameOverdue,
    taskId: byTaskId,
    recipients: (data, lookup) => leadOwnerAndUnitAdmins(data.leadOwner, data.unit, lookup),
    message: (data, { task }) => ({
      title: "Nhiệm vụ đã quá hạn",
      body: `Nhiệm vụ ${taskName(task, data.taskId)} đã quá hạn hoàn thành (hạn ${vietnameseDate(data.deadline)}) mà chưa được xác nhận hoàn thành.`,
    }),
  }),
];
