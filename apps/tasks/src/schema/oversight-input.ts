import { z } from "zod";
import { FINDING_SEVERITIES, SUPERVISION_FORMS } from "@lienthong/contracts/tasks";

const text = (max: number) => z.string().trim().min(1, "must not be empty").max(max, `must be at most ${max} characters`);
const id = z.string().trim().min(1, "must not be empty");
const unit = z.string().regex(/^\d{5}$/, "must be a 5-digit unit code");
const date = z.iso.date({ error: "must be a date written YYYY-MM-DD" });
const optional = <T extends z.ZodType>(schema: T) => schema.nullish().transform((value) => (value === null ? undefined : value));

export const planInspectionInput = z.object({
  inspectedUnit: unit,
  scope: text(2000),
  date,
  team: z.array(id).max(30, "name at most 30 team members"),
  lead: id,
});

const followUp = z.object({
  title: text(300),
  deliverable: text(1000),
  expectedResult: text(1000),
  deadline: date,
  leadOwner: id,
  responsibility: optional(text(1000)),
  authority: optional(text(1000)),
});

export const recordFindingsInput = z.object({
  id,
  findings: z
    .array(z.object({ summary: text(5000), severity: z.enum(FINDING_SEVERITIES), followUp: optional(followUp) }))
    .min(1, "record at least one finding")
    .max(50, "record at most 50 findings"),
});

export const startSupervisionInput = z
  .object({ subject: text(1000), supervisedBody: unit, form: z.enum(SUPERVISION_FORMS), periodFrom: date, periodTo: date })
  .refine((input) => input.periodTo >= input.periodFrom, { path: ["periodTo"], message: "must not be before periodFrom" });

export const issueRecommendationInput = z.object({ supervisionId: id, content: text(5000), answerDueDate: date });
export const answerRecommendationInput = z.object({ id, answer: text(5000) });
