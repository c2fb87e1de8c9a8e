import {
  taskAssigned,
  taskBecameOverdue,
  taskExtensionGranted,
  taskExtensionRejected,
  taskReminderDue,
  taskReturned,
  taskSubmitted,
} from "@lienthong/contracts/tasks";
import { taskName, unitName, vietnameseDate } from "./format";
import { defineRule, distinct, type AnyRule, type RecipientLookup } from "./rule";

const byTaskId = (data: { taskId: string }) => data.taskId;

async function leadOwnerAndUnitAdmins(leadOwner: string, unit: string, lookup: RecipientLookup): Promise<string[]> {
  const admins = await lookup.officialsOf(unit, "unit_admin");
  return distinct([leadOwner, ...admins.map((admin) => admin.id)]);
}

async function leadOwnerOf(taskId: string, lookup: RecipientLookup): Promise<string[]> {
  return distinct([(await lookup.task(taskId))?.leadOwner]);
}

export const taskRules: AnyRule[] = [
  defineRule({
    kind: "TASK_ASSIGNED",
    event: taskAssigned,
    taskId: byTaskId,
    recipients: async (data) => distinct([data.leadOwner, ...data.coOwners]),
    message: (data, { task, recipient }) => ({
      title: "Bạn được giao nhiệm vụ mới",
      body: `Bạn được giao ${recipient === data.leadOwner ? "chủ trì" : "phối hợp thực hiện"} nhiệm vụ ${taskName(task, data.taskId)}; hạn hoàn thành ${vietnameseDate(data.deadline)}.`,
    }),
  }),
  defineRule({
    kind: "TASK_SUBMITTED",
    event: taskSubmitted,
    taskId: byTaskId,
    recipients: async (data, lookup) => {
      const assigning = (await lookup.task(data.taskId))?.assigningUnit;
      if (assigning === undefined) return [];
      // "*": the city committee assigned it (city programmes, inspection follow-ups), so the city's admins confirm it.
      const confirmers = assigning === "*" ? await lookup.officialsWithRole("city_admin") : await lookup.officialsOf(assigning);
      return distinct(confirmers.map((official) => official.id));
    },
    message: (data, { task }) => ({
      title: "Nhiệm vụ đã được báo cáo hoàn thành",
      body: `${capitalize(unitName(data.unit))} đã gửi kết quả nhiệm vụ ${taskName(task, data.taskId)} và chờ xác nhận.`,
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

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
