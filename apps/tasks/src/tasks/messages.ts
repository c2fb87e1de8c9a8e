import type { DomainError } from "@lienthong/contracts/errors";
import type { TaskStatus } from "./task-types";

/** How a task's status is shown to people; the enum values stay the codes programs read. */
export const TASK_STATUS_LABELS: Record<TaskStatus, string> = {
  DRAFT: "Dự thảo",
  ASSIGNED: "Đã giao",
  IN_PROGRESS: "Đang thực hiện",
  SUBMITTED: "Đã báo cáo hoàn thành, chờ xác nhận",
  DONE: "Hoàn thành",
  CANCELLED: "Đã hủy",
};

/**
 * A command refused in the record's current state. `from` and `attempted` stay English codes for programs
 * (e.g. "draft", "confirm"); the message is what a person reads.
 */
export function refusedTransition(from: string, attempted: string, message: string): DomainError {
  return { code: "INVALID_TRANSITION", from, attempted, message };
}
