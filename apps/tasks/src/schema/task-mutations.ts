import type { InputFieldMap } from "@pothos/core";
import type { z } from "zod";
import type { SubgraphTypes } from "@lienthong/subgraph/builder";
import { payload } from "@lienthong/subgraph/common-types";
import { valueOrThrow } from "@lienthong/subgraph/domain-errors";
import {
  ConflictError,
  InvalidTransitionError,
  NotAllowedError,
  NotFoundError,
  ValidationError,
  parseInput,
} from "@lienthong/subgraph/errors";
import { inputFieldsOf } from "@lienthong/subgraph/input-fields";
import type { TaskCommands } from "../tasks/task-commands";
import type { StoredTask } from "../tasks/task-store";
import type { ClearableTaskField, TaskChanges, TaskCommand, TaskDetails } from "../tasks/task-types";
import { callerOf } from "./access";
import type { TasksBuilder } from "./builder";
import { ChecklistIncompleteError, valueOrChecklistError } from "./checklist-error";
import * as inputs from "./task-input";
import type { TaskTypes } from "./task";

type InputFields = (t: PothosSchemaTypes.InputFieldBuilder<SubgraphTypes, "InputObject">) => InputFieldMap;
type Transition = Exclude<TaskCommand, { type: "AddTask" }>;
const ERRORS = [ValidationError, NotAllowedError, NotFoundError, InvalidTransitionError, ConflictError];

export function addTaskMutations(builder: TasksBuilder, types: TaskTypes, commands: TaskCommands) {
  const { TaskRef, TaskPriorityEnum, ChecklistItemEnum } = types;

  builder.objectType(ChecklistIncompleteError, {
    name: "ChecklistIncompleteError",
    interfaces: ["Error"],
    description: 'The task lacks items of the configured "rõ" checklist; code VALIDATION.',
    fields: (t) => ({ missing: t.field({ type: [ChecklistItemEnum], resolve: (error) => error.missing }) }),
  });

  const MilestoneInput = builder.inputType("TaskMilestoneInput", {
    fields: (t) => ({ title: t.string({ required: true }), due: t.field({ type: "Date", required: true }) }),
  });
  const detailFields = (t: Parameters<InputFields>[0]) => ({
    ...inputFieldsOf(t, inputs.TASK_DETAIL_INPUTS),
    coOwners: t.idList(),
    milestones: t.field({ type: [MilestoneInput] }),
    priority: t.field({ type: TaskPriorityEnum }),
  });
  const AddTaskInput = builder.inputType("AddTaskInput", {
    description: "In a programme, the programme's issuing unit assigns; otherwise the unit itself.",
    fields: (t) => ({ unit: t.id({ required: true }), programme: t.id(), title: t.string({ required: true }), ...detailFields(t) }),
  });
  const UpdateTaskInput = builder.inputType("UpdateTaskInput", {
    description:
      "Drafts only. A field left out stays as it is; an explicit null clears it (the task then lacks it, e.g. for the checklist): " +
      "co-owners and milestones become empty, priority becomes NORMAL. The title cannot be cleared.",
    fields: (t) => ({ id: t.id({ required: true }), title: t.string(), ...detailFields(t) }),
  });

  builder.mutationField("addTask", (t) =>
    t.authenticated.field({
      type: TaskRef,
      args: { input: t.arg({ type: AddTaskInput, required: true }) },
      errors: payload("task", ...ERRORS),
      resolve: async (_root, { input }, ctx) => {
        const parsed = parseInput(inputs.addTaskInput, input);
        if (parsed instanceof ValidationError) throw parsed;
        const { unit, programme, ...details } = parsed;
        return valueOrThrow(
          await commands.add({ unit, ...(programme ? { programmeId: programme } : {}), details: toDetails(details) }, callerOf(ctx)),
        );
      },
    }),
  );

  builder.mutationField("updateTask", (t) =>
    t.authenticated.field({
      type: TaskRef,
      args: { input: t.arg({ type: UpdateTaskInput, required: true }) },
      errors: payload("task", ...ERRORS),
      resolve: async (_root, { input }, ctx) => {
        const parsed = parseInput(inputs.updateTaskInput, input);
        if (parsed instanceof ValidationError) throw parsed;
        const { id, ...fields } = parsed;
        return valueOrThrow(await commands.run({ type: "UpdateTask", taskId: id, ...toUpdate(fields) }, callerOf(ctx)));
      },
    }),
  );

  /** A mutation `name(input: {id, …})` that runs one lifecycle command. */
  function transition<Schema extends z.ZodType<{ id: string }>>(
    name: string,
    description: string,
    schema: Schema,
    fields: InputFields,
    toCommand: (input: z.output<Schema>) => Transition,
    extraErrors: (typeof ChecklistIncompleteError)[] = [],
  ) {
    const Input = builder.inputType(`${name.charAt(0).toUpperCase()}${name.slice(1)}Input`, { fields });
    builder.mutationField(name, (t) =>
      t.authenticated.field({
        type: TaskRef,
        description,
        args: { input: t.arg({ type: Input, required: true }) },
        errors: payload("task", ...extraErrors, ...ERRORS),
        resolve: async (_root, { input }, ctx): Promise<StoredTask> => {
          const parsed = parseInput(schema, input);
          if (parsed instanceof ValidationError) throw parsed;
          return valueOrChecklistError(await commands.run(toCommand(parsed), callerOf(ctx)));
        },
      }),
    );
  }

  const idOnly: InputFields = (t) => ({ id: t.id({ required: true }) });
  const withReason: InputFields = (t) => ({ id: t.id({ required: true }), reason: t.string({ required: true }) });

  transition(
    "assignTask",
    'DRAFT → ASSIGNED, once the configured "rõ" checklist is complete.',
    inputs.idOnlyInput,
    idOnly,
    (i) => ({ type: "AssignTask", taskId: i.id }),
    [ChecklistIncompleteError],
  );
  transition("acceptTask", "ASSIGNED → IN_PROGRESS, by the lead owner or the unit.", inputs.idOnlyInput, idOnly, (i) => ({
    type: "AcceptTask",
    taskId: i.id,
  }));
  transition(
    "reportTaskProgress",
    "The lead owner reports progress while IN_PROGRESS, any number of times.",
    inputs.progressInput,
    (t) => ({
      id: t.id({ required: true }),
      percent: t.int({ required: true }),
      note: t.string({ required: true }),
      evidence: t.stringList({ description: "http(s) links to evidence." }),
      decreaseReason: t.string({ description: "Why the percent is lower than the last report's; required exactly then." }),
    }),
    (i) => ({
      type: "ReportTaskProgress",
      taskId: i.id,
      percent: i.percent,
      note: i.note,
      evidence: i.evidence ?? [],
      ...(i.decreaseReason === undefined ? {} : { decreaseReason: i.decreaseReason }),
    }),
  );
  transition(
    "submitTask",
    "IN_PROGRESS → SUBMITTED, by the lead owner.",
    inputs.submitInput,
    (t) => ({ id: t.id({ required: true }), note: t.string() }),
    (i) => ({ type: "SubmitTask", taskId: i.id, ...(i.note ? { note: i.note } : {}) }),
  );
  transition("confirmTask", "SUBMITTED → DONE (ON_TIME or LATE), by the assigning unit or the city.", inputs.idOnlyInput, idOnly, (i) => ({
    type: "ConfirmTask",
    taskId: i.id,
  }));
  transition(
    "returnTask",
    "SUBMITTED → IN_PROGRESS with a reason, by the assigning unit or the city.",
    inputs.reasonInput,
    withReason,
    (i) => ({ type: "ReturnTask", taskId: i.id, reason: i.reason }),
  );
  transition(
    "requestExtension",
    "The lead owner asks for a later deadline.",
    inputs.requestExtensionInput,
    (t) => ({ id: t.id({ required: true }), newDeadline: t.field({ type: "Date", required: true }), reason: t.string({ required: true }) }),
    (i) => ({ type: "RequestExtension", taskId: i.id, newDeadline: i.newDeadline, reason: i.reason }),
  );
  transition(
    "grantExtension",
    "The assigning unit or the city grants the requested deadline (or another later one).",
    inputs.grantExtensionInput,
    (t) => ({ id: t.id({ required: true }), reason: t.string({ required: true }), newDeadline: t.field({ type: "Date" }) }),
    (i) => ({ type: "GrantExtension", taskId: i.id, reason: i.reason, ...(i.newDeadline ? { newDeadline: i.newDeadline } : {}) }),
  );
  transition("rejectExtension", "The assigning unit or the city keeps the deadline.", inputs.reasonInput, withReason, (i) => ({
    type: "RejectExtension",
    taskId: i.id,
    reason: i.reason,
  }));
  transition("cancelTask", "Cancels a task that is not done, with a reason.", inputs.reasonInput, withReason, (i) => ({
    type: "CancelTask",
    taskId: i.id,
    reason: i.reason,
  }));
}

function toDetails(input: Omit<z.output<typeof inputs.addTaskInput>, "unit" | "programme">): TaskDetails {
  const { coOwners, milestones, priority, ...rest } = input;
  const defined = Object.fromEntries(Object.entries(rest).filter(([, value]) => value !== undefined)) as Omit<
    TaskDetails,
    "coOwners" | "milestones" | "priority"
  >;
  return { ...defined, coOwners: coOwners ?? [], milestones: milestones ?? [], priority: priority ?? "NORMAL" };
}

/** Splits an update into the values it sets and the optional fields it clears (explicit nulls). */
function toUpdate(fields: Omit<z.output<typeof inputs.updateTaskInput>, "id">): { changes: TaskChanges; cleared: ClearableTaskField[] } {
  const { coOwners, milestones, priority, ...rest } = fields;
  const changes: Record<string, unknown> = {
    ...(coOwners === undefined ? {} : { coOwners: coOwners ?? [] }),
    ...(milestones === undefined ? {} : { milestones: milestones ?? [] }),
    ...(priority === undefined ? {} : { priority: priority ?? "NORMAL" }),
  };
  const cleared: ClearableTaskField[] = [];
  for (const [field, value] of Object.entries(rest)) {
    if (value === null) cleared.push(field as ClearableTaskField);
    else if (value !== undefined) changes[field] = value;
  }
  return { changes: changes as TaskChanges, cleared };
}
