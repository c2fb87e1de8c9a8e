import { z } from "zod";
import { FINDING_SEVERITIES, SUPERVISION_FORMS } from "@lienthong/contracts/tasks";
import { dateSchema, idSchema, optionalInput, textSchema, unitSchema } from "@lienthong/subgraph/input-fields";

const text = textSchema;
const id = idSchema;
const unit = unitSchema;
const date = dateSchema;
const optional = optionalInput;

export const planInspectionInput = z.object({
  inspectedUnit: unit,
  scope: text(2000),
  date,
  team: z.array(id).max(30, "Đoàn kiểm tra có tối đa 30 thành viên."),
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
    .min(1, "Hãy ghi ít nhất một kết quả kiểm tra.")
    .max(50, "Chỉ ghi tối đa 50 kết quả kiểm tra."),
});

export const startSupervisionInput = z
  .object({ subject: text(1000), supervisedBody: unit, form: z.enum(SUPERVISION_FORMS), periodFrom: date, periodTo: date })
  .refine((input) => input.periodTo >= input.periodFrom, { path: ["periodTo"], message: "Ngày kết thúc không được trước ngày bắt đầu." });

export const issueRecommendationInput = z.object({ supervisionId: id, content: text(5000), answerDueDate: date });
export const answerRecommendationInput = z.object({ id, answer: text(5000) });
