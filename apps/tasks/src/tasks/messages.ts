import { actorLabel, ROLE_LABELS } from "@lienthong/contracts/labels";
import type { TaskEvent, TaskStatus } from "./task-types";

/** How a task's status is shown to people; the enum values stay the codes programs read. */
export const TASK_STATUS_LABELS: Record<TaskStatus, string> = {
  DRAFT: "Dự thảo",
  ASSIGNED: "Đã giao",
  IN_PROGRESS: "Đang thực hiện",
  SUBMITTED: "Đã báo cáo hoàn thành, chờ xác nhận",
  DONE: "Hoàn thành",
  CANCELLED: "Đã hủy",
};

const AUTHORITY_LABELS: Record<string, string> = {
  "lead owner": "Người chủ trì nhiệm vụ",
  schedule: "Hệ thống nhắc việc tự động",
};

/**
 * The authority an event records (a code such as "unit_admin of 26740", "lead owner", "city_admin") as people read
 * it: "Chủ tịch Ủy ban MTTQ Phường Sài Gòn". An authority without a label is shown as it was recorded.
 */
export function authorityLabel(code: string): string {
  const scoped = /^(\w+) of (\d{5}|\*)$/.exec(code);
  if (scoped?.[1] && scoped[2]) return actorLabel({ roles: [scoped[1]], units: [scoped[2]] });
  if (code in ROLE_LABELS) return ROLE_LABELS[code as keyof typeof ROLE_LABELS];
  const followUp = /^follow-up of inspection (.+)$/.exec(code);
  if (followUp) return `Theo kết luận kiểm tra ${followUp[1]}`;
  return AUTHORITY_LABELS[code] ?? code;
}

/** What each task event did, as the history shows it. */
export const TASK_EVENT_LABELS: Record<TaskEvent["type"], string> = {
  TaskAdded: "Thêm nhiệm vụ",
  TaskUpdated: "Sửa nhiệm vụ",
  TaskAssigned: "Giao nhiệm vụ",
  TaskAccepted: "Nhận nhiệm vụ",
  TaskProgressReported: "Báo cáo tiến độ",
  TaskSubmitted: "Báo cáo hoàn thành",
  TaskConfirmed: "Xác nhận hoàn thành",
  TaskReturned: "Trả lại để làm tiếp",
  TaskExtensionRequested: "Xin gia hạn",
  TaskExtensionGranted: "Đồng ý gia hạn",
  TaskExtensionRejected: "Không đồng ý gia hạn",
  TaskCancelled: "Hủy nhiệm vụ",
  TaskBecameOverdue: "Quá hạn",
  TaskReminderDue: "Nhắc hạn",
};
