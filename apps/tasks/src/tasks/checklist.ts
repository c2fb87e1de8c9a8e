/**
 * The "rõ" checklist a task must satisfy before it is assigned. City guidance asks for "5 rõ" (rõ việc, rõ người,
 * rõ sản phẩm, rõ kết quả, rõ tiến độ); the Government's "6 rõ" adds responsibility and authority. Which one applies
 * is configuration (TASK_CHECKLIST), never a literal in the decider.
 */
export const CHECKLIST_ITEMS = ["TASK", "LEAD_OWNER", "DELIVERABLE", "EXPECTED_RESULT", "DEADLINE", "RESPONSIBILITY", "AUTHORITY"] as const;

export type ChecklistItem = (typeof CHECKLIST_ITEMS)[number];

export const CHECKLISTS = {
  "5-ro": ["TASK", "LEAD_OWNER", "DELIVERABLE", "EXPECTED_RESULT", "DEADLINE"],
  "6-ro": ["TASK", "LEAD_OWNER", "DELIVERABLE", "EXPECTED_RESULT", "DEADLINE", "RESPONSIBILITY", "AUTHORITY"],
} as const satisfies Record<string, readonly ChecklistItem[]>;

export type ChecklistName = keyof typeof CHECKLISTS;

export const CHECKLIST_NAMES = Object.keys(CHECKLISTS) as ChecklistName[];

/** Which task field answers each item, and what to tell the user (in Vietnamese) when it is missing. */
export const CHECKLIST_FIELDS: Record<ChecklistItem, { field: string; missing: string }> = {
  TASK: { field: "description", missing: "rõ việc: mô tả công việc cần làm" },
  LEAD_OWNER: { field: "leadOwner", missing: "rõ người: giao cho đúng một người chủ trì" },
  DELIVERABLE: { field: "deliverable", missing: "rõ sản phẩm: nêu sản phẩm cần có" },
  EXPECTED_RESULT: { field: "expectedResult", missing: "rõ kết quả: nêu kết quả hoặc chỉ tiêu cần đạt" },
  DEADLINE: { field: "deadline", missing: "rõ tiến độ: đặt hạn hoàn thành" },
  RESPONSIBILITY: { field: "responsibility", missing: "rõ trách nhiệm: nêu ai chịu trách nhiệm về việc gì" },
  AUTHORITY: { field: "authority", missing: "rõ thẩm quyền: nêu ai có thẩm quyền quyết định" },
};

export interface ChecklistFields {
  description?: string | undefined;
  leadOwner?: string | undefined;
  deliverable?: string | undefined;
  expectedResult?: string | undefined;
  deadline?: string | undefined;
  responsibility?: string | undefined;
  authority?: string | undefined;
}

/** The items of `checklist` that `task` leaves unanswered, in checklist order. */
export function missingItems(task: ChecklistFields, checklist: readonly ChecklistItem[]): ChecklistItem[] {
  return checklist.filter((item) => {
    const value = task[CHECKLIST_FIELDS[item].field as keyof ChecklistFields];
    return value === undefined || value.trim() === "";
  });
}
