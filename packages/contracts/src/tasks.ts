import { z } from "zod";
import { declareEvent } from "./registry";

const unitCode = z.string().regex(/^\d{5}$/);
/** A unit code, or "*" when the city committee itself issued or assigned. */
const issuingUnit = z.union([unitCode, z.literal("*")]);
const isoDate = z.iso.date();
const instant = z.iso.datetime({ offset: true });
const id = z.string().min(1);
const text = z.string().min(1);

/** Who acted and on whose authority (e.g. "lead owner", "unit_admin of 26740", "schedule"), for the audit trail. */
const by = z.object({ name: text, authority: text });

export const TASK_PRIORITIES = ["LOW", "NORMAL", "HIGH", "URGENT"] as const;
export const TASK_COMPLETIONS = ["ON_TIME", "LATE"] as const;

const milestone = z.object({ title: text, due: isoDate });

/**
 * Every detail of a task that may be filled in while it is a draft; absent = not given yet. The one declaration
 * of a task's details: the events below, the tasks service's state and its stored documents all derive from it.
 */
export const taskDetails = z.object({
  title: text,
  description: text.optional(),
  leadOwner: id.optional(),
  coOwners: z.array(id),
  deliverable: text.optional(),
  expectedResult: text.optional(),
  deadline: isoDate.optional(),
  milestones: z.array(milestone),
  priority: z.enum(TASK_PRIORITIES),
  responsibility: text.optional(),
  authority: text.optional(),
  parentTaskId: id.optional(),
  /** Số hiệu of the document that assigns the task, e.g. "125/KH-MTTQ" (added later: optional, so v1 consumers keep working). */
  documentNumber: text.optional(),
});

type TaskDetailShape = (typeof taskDetails)["shape"];
/** A detail a task may lack: one declared optional above. */
export type ClearableTaskField = {
  [Field in keyof TaskDetailShape]: TaskDetailShape[Field] extends z.ZodOptional ? Field : never;
}[keyof TaskDetailShape];

/** The optional details a draft's update may clear (leave without a value); title, owners list, milestones and priority are never absent. */
export const CLEARABLE_TASK_FIELDS = Object.entries(taskDetails.shape)
  .filter(([, schema]) => schema instanceof z.ZodOptional)
  .map(([field]) => field) as [ClearableTaskField, ...ClearableTaskField[]];

const target = z.object({
  indicator: text,
  baseline: z.number().optional(),
  targetValue: z.number(),
  unitOfMeasure: text,
  period: text.optional(),
});

const sourceDocument = z.object({ number: text, date: isoDate, issuer: text, summary: text });

const programmeDetails = z.object({
  title: text,
  term: text.optional(),
  periodFrom: isoDate.optional(),
  periodTo: isoDate.optional(),
  sourceDocument,
  sourceCongressId: id.optional(),
  targets: z.array(target),
});

export const actionProgrammeCreated = declareEvent({
  service: "tasks",
  aggregate: "action-programme",
  event: "created",
  version: 1,
  schema: programmeDetails.extend({ programmeId: id, issuingUnit, by }),
});

export const actionProgrammeUpdated = declareEvent({
  service: "tasks",
  aggregate: "action-programme",
  event: "updated",
  version: 1,
  schema: z.object({ programmeId: id, issuingUnit, changes: programmeDetails.partial(), by }),
});

export const actionProgrammeClosed = declareEvent({
  service: "tasks",
  aggregate: "action-programme",
  event: "closed",
  version: 1,
  schema: z.object({ programmeId: id, issuingUnit, reason: text, by }),
});

const taskRef = { taskId: id, unit: unitCode };

export const taskAdded = declareEvent({
  service: "tasks",
  aggregate: "task",
  event: "added",
  version: 1,
  schema: taskDetails.extend({ ...taskRef, assigningUnit: issuingUnit, programmeId: id.optional(), by }),
});

export const taskUpdated = declareEvent({
  service: "tasks",
  aggregate: "task",
  event: "updated",
  version: 1,
  // `cleared` was added later (optional, so v1 consumers that ignore it keep working): fields the update removed.
  schema: z.object({ ...taskRef, changes: taskDetails.partial(), cleared: z.array(z.enum(CLEARABLE_TASK_FIELDS)).optional(), by }),
});

export const taskAssigned = declareEvent({
  service: "tasks",
  aggregate: "task",
  event: "assigned",
  version: 1,
  schema: z.object({ ...taskRef, leadOwner: id, coOwners: z.array(id), deadline: isoDate, by }),
});

export const taskAccepted = declareEvent({
  service: "tasks",
  aggregate: "task",
  event: "accepted",
  version: 1,
  schema: z.object({ ...taskRef, by }),
});

export const taskProgressReported = declareEvent({
  service: "tasks",
  aggregate: "task",
  event: "progress-reported",
  version: 1,
  schema: z.object({
    ...taskRef,
    percent: z.number().int().min(0).max(100),
    note: text,
    evidence: z.array(z.url()),
    /** Why the percent went down; given exactly when it did (added later, optional for v1 consumers). */
    decreaseReason: text.optional(),
    reportedAt: instant,
    by,
  }),
});

export const taskSubmitted = declareEvent({
  service: "tasks",
  aggregate: "task",
  event: "submitted",
  version: 1,
  schema: z.object({ ...taskRef, note: text.optional(), submittedAt: instant, by }),
});

export const taskConfirmed = declareEvent({
  service: "tasks",
  aggregate: "task",
  event: "confirmed",
  version: 1,
  schema: z.object({ ...taskRef, completion: z.enum(TASK_COMPLETIONS), deadline: isoDate, submittedAt: instant, by }),
});

export const taskReturned = declareEvent({
  service: "tasks",
  aggregate: "task",
  event: "returned",
  version: 1,
  schema: z.object({ ...taskRef, reason: text, by }),
});

export const taskExtensionRequested = declareEvent({
  service: "tasks",
  aggregate: "task",
  event: "extension-requested",
  version: 1,
  schema: z.object({ ...taskRef, currentDeadline: isoDate, requestedDeadline: isoDate, reason: text, by }),
});

export const taskExtensionGranted = declareEvent({
  service: "tasks",
  aggregate: "task",
  event: "extension-granted",
  version: 1,
  schema: z.object({ ...taskRef, previousDeadline: isoDate, newDeadline: isoDate, reason: text, by }),
});

export const taskExtensionRejected = declareEvent({
  service: "tasks",
  aggregate: "task",
  event: "extension-rejected",
  version: 1,
  schema: z.object({ ...taskRef, requestedDeadline: isoDate, reason: text, by }),
});

export const taskCancelled = declareEvent({
  service: "tasks",
  aggregate: "task",
  event: "cancelled",
  version: 1,
  schema: z.object({ ...taskRef, reason: text, by }),
});

export const taskBecameOverdue = declareEvent({
  service: "tasks",
  aggregate: "task",
  event: "became-overdue",
  version: 1,
  schema: z.object({ ...taskRef, leadOwner: id, deadline: isoDate, by }),
});

export const taskReminderDue = declareEvent({
  service: "tasks",
  aggregate: "task",
  event: "reminder-due",
  version: 1,
  schema: z.object({ ...taskRef, leadOwner: id, deadline: isoDate, daysBefore: z.number().int().positive(), by }),
});

export const tasksEvents = [
  actionProgrammeCreated,
  actionProgrammeUpdated,
  actionProgrammeClosed,
  taskAdded,
  taskUpdated,
  taskAssigned,
  taskAccepted,
  taskProgressReported,
  taskSubmitted,
  taskConfirmed,
  taskReturned,
  taskExtensionRequested,
  taskExtensionGranted,
  taskExtensionRejected,
  taskCancelled,
  taskBecameOverdue,
  taskReminderDue,
];

/* Inspections (kiểm tra), supervision (giám sát) and recommendations (kiến nghị). */

export const FINDING_SEVERITIES = ["MINOR", "MODERATE", "SERIOUS"] as const;
/** Forms of Front supervision: reviewing documents, a supervision team, the people's inspection board, community investment supervision. */
export const SUPERVISION_FORMS = ["DOCUMENT_REVIEW", "SUPERVISION_TEAM", "PEOPLE_INSPECTION_BOARD", "COMMUNITY_INVESTMENT_BOARD"] as const;

/** A finding's follow-up: the "rõ" details of the task it opens in the inspected unit, and that task's id. */
const followUp = z.object({
  taskId: id,
  title: text,
  deliverable: text,
  expectedResult: text,
  deadline: isoDate,
  leadOwner: id,
  responsibility: text.optional(),
  authority: text.optional(),
});

const finding = z.object({ summary: text, severity: z.enum(FINDING_SEVERITIES), followUp: followUp.optional() });

export const inspectionPlanned = declareEvent({
  service: "tasks",
  aggregate: "inspection",
  event: "planned",
  version: 1,
  schema: z.object({ inspectionId: id, inspectedUnit: unitCode, scope: text, date: isoDate, team: z.array(id).min(1), lead: id, by }),
});

export const inspectionFindingsRecorded = declareEvent({
  service: "tasks",
  aggregate: "inspection",
  event: "findings-recorded",
  version: 1,
  schema: z.object({ inspectionId: id, inspectedUnit: unitCode, findings: z.array(finding), recordedAt: instant, by }),
});

export const supervisionStarted = declareEvent({
  service: "tasks",
  aggregate: "supervision",
  event: "started",
  version: 1,
  schema: z.object({
    supervisionId: id,
    subject: text,
    supervisedBody: unitCode,
    form: z.enum(SUPERVISION_FORMS),
    periodFrom: isoDate,
    periodTo: isoDate,
    by,
  }),
});

const recommendationRef = { recommendationId: id, supervisionId: id, supervisedBody: unitCode };

export const recommendationIssued = declareEvent({
  service: "tasks",
  aggregate: "recommendation",
  event: "issued",
  version: 1,
  schema: z.object({ ...recommendationRef, content: text, answerDueDate: isoDate, issuedAt: instant, by }),
});

export const recommendationAnswered = declareEvent({
  service: "tasks",
  aggregate: "recommendation",
  event: "answered",
  version: 1,
  schema: z.object({ ...recommendationRef, answer: text, answeredAt: instant, onTime: z.boolean(), by }),
});

export const recommendationBecameOverdue = declareEvent({
  service: "tasks",
  aggregate: "recommendation",
  event: "became-overdue",
  version: 1,
  schema: z.object({ ...recommendationRef, answerDueDate: isoDate, by }),
});

/** The events of inspections and supervision, beside `tasksEvents`. */
export const oversightEvents = [
  inspectionPlanned,
  inspectionFindingsRecorded,
  supervisionStarted,
  recommendationIssued,
  recommendationAnswered,
  recommendationBecameOverdue,
];

/** Every event on the tasks service's stream (`lt.tasks.>`): what a consumer of the whole stream validates against. */
export const tasksStreamEvents = [...tasksEvents, ...oversightEvents];
