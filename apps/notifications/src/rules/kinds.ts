/** What a notification is about; preferences are kept per kind. A later service adds its kinds here with its rules. */
export const NOTIFICATION_KINDS = [
  "OFFICIAL_WELCOME",
  "TASK_ASSIGNED",
  "TASK_SUBMITTED",
  "TASK_CONFIRMED",
  "TASK_RETURNED",
  "TASK_EXTENSION_REQUESTED",
  "TASK_EXTENSION_GRANTED",
  "TASK_EXTENSION_REJECTED",
  "TASK_CANCELLED",
  "TASK_REMINDER_DUE",
  "TASK_OVERDUE",
  "RECOMMENDATION_ISSUED",
  "RECOMMENDATION_OVERDUE",
] as const;

export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];
