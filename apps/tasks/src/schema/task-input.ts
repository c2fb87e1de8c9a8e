import { z } from "zod";
import { TASK_PRIORITIES } from "@lienthong/contracts/tasks";

const text = (max: number) => z.string().trim().min(1, "must not be empty").max(max, `must be at most ${max} characters`);
const id = z.string().trim().min(1, "must not be empty");
const unit = z.string().regex(/^\d{5}$/, "must be a 5-digit unit code");
const date = z.iso.date({ error: "must be a date written YYYY-MM-DD" });
const optional = <T extends z.ZodType>(schema: T) => schema.nullish().transform((value) => (value === null ? undefined : value));

const detailSchemas = {
  description: text(5000),
  leadOwner: id,
  coOwners: z.array(id).max(20, "name at most 20 co-owners"),
  deliverable: text(1000),
  expectedResult: text(1000),
  deadline: date,
  milestones: z.array(z.object({ title: text(300), due: date })).max(50, "name at most 50 milestones"),
  priority: z.enum(TASK_PRIORITIES),
  responsibility: text(1000),
  authority: text(1000),
  parentTaskId: id,
};
type DetailSchemas = typeof detailSchemas;

/** Adding: null and absent both mean "not given". */
const addDetailFields = {
  description: optional(detailSchemas.description),
  leadOwner: optional(detailSchemas.leadOwner),
  coOwners: optional(detailSchemas.coOwners),
  deliverable: optional(detailSchemas.deliverable),
  expectedResult: optional(detailSchemas.expectedResult),
  deadline: optional(detailSchemas.deadline),
  milestones: optional(detailSchemas.milestones),
  priority: optional(detailSchemas.priority),
  responsibility: optional(detailSchemas.responsibility),
  authority: optional(detailSchemas.authority),
  parentTaskId: optional(detailSchemas.parentTaskId),
};
/** Updating: absent = leave as it is, null = clear (an empty list for co-owners and milestones, NORMAL for priority). */
const updateDetailFields = Object.fromEntries(Object.entries(detailSchemas).map(([field, schema]) => [field, schema.nullish()])) as {
  [Field in keyof DetailSchemas]: z.ZodOptional<z.ZodNullable<DetailSchemas[Field]>>;
};

export const addTaskInput = z
  .object({ unit, programme: optional(id), title: text(300), ...addDetailFields })
  .refine((input) => !input.leadOwner || !input.coOwners?.includes(input.leadOwner), {
    path: ["coOwners"],
    message: "must not include the lead owner",
  });

export const updateTaskInput = z.object({
  id,
  title: text(300)
    .nullish()
    .refine((title) => title !== null, "cannot be cleared: a task always has a title"),
  ...updateDetailFields,
});

export const idInput = z.object({ id });
export const reasonInput = z.object({ id, reason: text(2000) });
export const progressInput = z.object({
  id,
  percent: z.number().int("must be a whole number").min(0, "must be between 0 and 100").max(100, "must be between 0 and 100"),
  note: text(5000),
  evidence: optional(z.array(z.url({ protocol: /^https?$/, error: "must be an http(s) link" })).max(20, "give at most 20 links")),
});
export const submitInput = z.object({ id, note: optional(text(5000)) });
export const requestExtensionInput = z.object({ id, newDeadline: date, reason: text(2000) });
export const grantExtensionInput = z.object({ id, reason: text(2000), newDeadline: optional(date) });
