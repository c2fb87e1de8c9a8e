import { z } from "zod";
import { TASK_PRIORITIES } from "@lienthong/contracts/tasks";
import {
  addShapeOf,
  dateInput,
  dateSchema,
  idInput,
  idSchema,
  optionalInput,
  textInput,
  textSchema,
  unitSchema,
  updateShapeOf,
  type InputFields,
} from "@lienthong/subgraph/input-fields";

/**
 * A task's optional details, each declared once as its GraphQL input and its rule: AddTaskInput and UpdateTaskInput
 * both take them, adding reads null as "not given", updating as "clear". A new detail is one line here.
 */
export const TASK_DETAIL_INPUTS = {
  description: textInput(5000),
  leadOwner: idInput("The one official answering for the task (rõ người)."),
  deliverable: textInput(1000),
  expectedResult: textInput(1000),
  deadline: dateInput(),
  responsibility: textInput(1000),
  authority: textInput(1000),
  parentTaskId: idInput(),
  documentNumber: textInput(100, 'Số hiệu of the assigning document (số hiệu văn bản giao nhiệm vụ), e.g. "125/KH-MTTQ".'),
} satisfies InputFields;

/** The details never absent from a task (its GraphQL inputs, with their own types, are in task-mutations). */
const listsAndPriority = {
  coOwners: z.array(idSchema).max(20, "Chỉ ghi tối đa 20 người phối hợp."),
  milestones: z.array(z.object({ title: textSchema(300), due: dateSchema })).max(50, "Chỉ ghi tối đa 50 mốc tiến độ."),
  priority: z.enum(TASK_PRIORITIES),
};

export const addTaskInput = z
  .object({
    unit: unitSchema,
    programme: optionalInput(idSchema),
    title: textSchema(300),
    ...addShapeOf(TASK_DETAIL_INPUTS),
    coOwners: optionalInput(listsAndPriority.coOwners),
    milestones: optionalInput(listsAndPriority.milestones),
    priority: optionalInput(listsAndPriority.priority),
  })
  .refine((input) => !input.leadOwner || !input.coOwners?.includes(input.leadOwner), {
    path: ["coOwners"],
    message: "Người chủ trì không đồng thời là người phối hợp.",
  });

/** Updating: absent = leave as it is, null = clear (an empty list for co-owners and milestones, NORMAL for priority). */
export const updateTaskInput = z.object({
  id: idSchema,
  title: textSchema(300)
    .nullish()
    .refine((title) => title !== null, "Không thể xóa tên nhiệm vụ: nhiệm vụ luôn có tên."),
  ...updateShapeOf(TASK_DETAIL_INPUTS),
  coOwners: listsAndPriority.coOwners.nullish(),
  milestones: listsAndPriority.milestones.nullish(),
  priority: listsAndPriority.priority.nullish(),
});

const percent = z.number().int("Phải là số nguyên.").min(0, "Phải từ 0 đến 100.").max(100, "Phải từ 0 đến 100.");
const evidence = z.array(z.url({ protocol: /^https?$/, error: "Phải là một đường dẫn http(s)." })).max(20, "Chỉ gửi tối đa 20 đường dẫn.");

export const idOnlyInput = z.object({ id: idSchema });
export const reasonInput = z.object({ id: idSchema, reason: textSchema(2000) });
export const progressInput = z.object({
  id: idSchema,
  percent,
  note: textSchema(5000),
  evidence: optionalInput(evidence),
  decreaseReason: optionalInput(textSchema(2000)),
});
export const submitInput = z.object({ id: idSchema, note: optionalInput(textSchema(5000)) });
export const requestExtensionInput = z.object({ id: idSchema, newDeadline: dateSchema, reason: textSchema(2000) });
export const grantExtensionInput = z.object({ id: idSchema, reason: textSchema(2000), newDeadline: optionalInput(dateSchema) });
