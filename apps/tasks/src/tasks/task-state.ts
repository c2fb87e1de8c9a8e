import { z } from "zod";
import { TASK_COMPLETIONS, taskAdded } from "@lienthong/contracts/tasks";

export const TASK_STATUSES = ["DRAFT", "ASSIGNED", "IN_PROGRESS", "SUBMITTED", "DONE", "CANCELLED"] as const;

const text = z.string();

/**
 * A task's state, declared once: what TaskAdded records (the contract's details, the unit, the assigning unit and the
 * programme) plus what its lifecycle adds. The domain type and the stored document both derive from it, so a detail
 * added to the contract is kept by every read and write without being listed again here.
 */
export const taskSchema = taskAdded.schema.omit({ taskId: true, by: true }).extend({
  id: text,
  status: z.enum(TASK_STATUSES),
  progress: z.number(),
  lastReport: z.object({ percent: z.number(), note: text, evidence: z.array(text), reportedAt: text, by: text }).optional(),
  submittedAt: text.optional(),
  completion: z.enum(TASK_COMPLETIONS).optional(),
  pendingExtension: z.object({ requestedDeadline: text, reason: text, requestedBy: text }).optional(),
  extensions: z.array(z.object({ previousDeadline: text, newDeadline: text, reason: text, grantedBy: text })),
  returnReason: text.optional(),
  cancelReason: text.optional(),
  /** The deadline for which TaskBecameOverdue was emitted: once per deadline. */
  overdueDeadline: text.optional(),
  /** The last reminder sent, so each offset reminds once per deadline. */
  lastReminder: z.object({ deadline: text, daysBefore: z.number() }).optional(),
});
