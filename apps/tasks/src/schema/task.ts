import { loaderOf } from "@lienthong/subgraph/batch-loader";
import { mayReadUnit, type Principal } from "@lienthong/auth/principal";
import type { Clock } from "@lienthong/calendar/clock";
import { TASK_COMPLETIONS, TASK_PRIORITIES } from "@lienthong/contracts/tasks";
import type { Database } from "@lienthong/store/collection";
import { resolveOffsetPage } from "@lienthong/subgraph/connections";
import type { ProgrammeQueries } from "../programmes/programme-store";
import type { ActionProgramme } from "../programmes/programme";
import { CHECKLIST_FIELDS, CHECKLIST_ITEMS, missingItems, type ChecklistItem } from "../tasks/checklist";
import { mayReadTask } from "../tasks/task-access";
import { TASK_STATUS_LABELS } from "../tasks/messages";
import { isOverdueAt } from "../tasks/task-deadline";
import { taskAsOf, taskHistories, type HistoryEntry } from "../tasks/task-history";
import type { StoredTask, TaskFilter, TaskQueries } from "../tasks/task-store";
import { TASK_STATUSES } from "../tasks/task-types";
import { readScopeOf } from "../tasks/read-scope";
import type { TasksBuilder } from "./builder";
import type { ExternalRefs } from "./refs";

export interface TaskSchemaDeps {
  db: Database;
  clock: Clock;
  tasks: TaskQueries;
  programmes: ProgrammeQueries;
  checklist: readonly ChecklistItem[];
}

/** A task as shown: `asOf` is set for taskAsOf results, so time-dependent fields answer for that moment. */
export type TaskView = StoredTask & { asOf?: Date };

const CITY_UNIT = "*";

export function addTaskSchema(builder: TasksBuilder, refs: ExternalRefs, deps: TaskSchemaDeps) {
  const { UnitRef, OfficialRef } = refs;
  const TaskStatusEnum = builder.enumType("TaskStatus", { values: TASK_STATUSES });
  const TaskPriorityEnum = builder.enumType("TaskPriority", { values: TASK_PRIORITIES });
  const TaskCompletionEnum = builder.enumType("TaskCompletion", {
    values: TASK_COMPLETIONS,
    description: "Done before the end of the deadline day (Vietnam time) or after it.",
  });
  const ChecklistItemEnum = builder.enumType("ChecklistItem", {
    values: Object.fromEntries(
      CHECKLIST_ITEMS.map((item) => [item, { value: item, description: CHECKLIST_FIELDS[item].missing }]),
    ) as Record<ChecklistItem, { value: ChecklistItem; description: string }>,
  });

  const MilestoneRef = builder.objectRef<{ title: string; due: string }>("TaskMilestone").implement({
    fields: (t) => ({ title: t.exposeString("title"), due: t.expose("due", { type: "Date" }) }),
  });
  const ProgressReportRef = builder.objectRef<NonNullable<StoredTask["lastReport"]>>("TaskProgressReport").implement({
    fields: (t) => ({
      percent: t.exposeInt("percent"),
      note: t.exposeString("note"),
      evidence: t.exposeStringList("evidence"),
      reportedAt: t.expose("reportedAt", { type: "DateTime" }),
      reportedBy: t.exposeString("by", { description: "Name of the official who reported." }),
    }),
  });
  const ExtensionRequestRef = builder.objectRef<NonNullable<StoredTask["pendingExtension"]>>("TaskExtensionRequest").implement({
    fields: (t) => ({
      requestedDeadline: t.expose("requestedDeadline", { type: "Date" }),
      reason: t.exposeString("reason"),
      requestedBy: t.exposeString("requestedBy"),
    }),
  });
  const ExtensionRef = builder.objectRef<StoredTask["extensions"][number]>("TaskExtension").implement({
    fields: (t) => ({
      previousDeadline: t.expose("previousDeadline", { type: "Date" }),
      newDeadline: t.expose("newDeadline", { type: "Date" }),
      reason: t.exposeString("reason"),
      grantedBy: t.exposeString("grantedBy"),
    }),
  });
  const HistoryChangeRef = builder.objectRef<HistoryEntry["changes"][number]>("TaskHistoryChange").implement({
    fields: (t) => ({
      field: t.exposeString("field"),
      value: t.exposeString("value", { description: "Text, or JSON for lists and objects." }),
    }),
  });
  const HistoryEntryRef = builder.objectRef<HistoryEntry>("TaskHistoryEntry").implement({
    description: "One recorded change: who, when, what, on whose authority.",
    fields: (t) => ({
      version: t.exposeInt("version"),
      at: t.expose("at", { type: "DateTime" }),
      actor: t.exposeString("actor", { description: "Id of the acting principal (an official's id, or system:… for schedules)." }),
      actorName: t.exposeString("actorName"),
      authority: t.exposeString("authority", {
        description: 'On whose authority, in Vietnamese, e.g. "Chủ tịch Ủy ban MTTQ Phường Sài Gòn".',
      }),
      authorityCode: t.exposeString("authorityCode", {
        description: 'The authority as recorded, e.g. "lead owner", "unit_admin of 26740", "schedule".',
      }),
      event: t.exposeString("event", { description: 'e.g. "TaskAssigned".' }),
      action: t.exposeString("action", { description: 'What was done, in Vietnamese, e.g. "Giao nhiệm vụ".' }),
      changes: t.field({ type: [HistoryChangeRef], resolve: (entry) => entry.changes }),
    }),
  });

  const ProgrammeRef = builder.objectRef<ActionProgramme>("ActionProgramme");
  const TaskRef = builder.objectRef<TaskView>("Task");
  const nowFor = (task: TaskView) => task.asOf ?? deps.clock.now();

  TaskRef.implement({
    description: 'A task (nhiệm vụ) carried out by a unit, with one lead owner and the "rõ" details.',
    fields: (t) => ({
      id: t.exposeID("id"),
      title: t.exposeString("title"),
      description: t.exposeString("description", { nullable: true }),
      unit: t.field({ type: UnitRef, description: "The unit carrying the task out.", resolve: (task) => ({ code: task.unit }) }),
      assigningUnit: t.field({
        type: UnitRef,
        nullable: true,
        description: "The unit that assigned the task; null when the city committee did.",
        resolve: (task) => (task.assigningUnit === CITY_UNIT ? null : { code: task.assigningUnit }),
      }),
      assignedByCity: t.boolean({ resolve: (task) => task.assigningUnit === CITY_UNIT }),
      programme: t.field({
        type: ProgrammeRef,
        nullable: true,
        // One query for the programmes of every task on the page.
        resolve: async (task, _args, ctx) =>
          task.programmeId ? ((await loaderOf(ctx, "programmes", deps.programmes.byIds).load(task.programmeId)) ?? null) : null,
      }),
      parentTaskId: t.exposeID("parentTaskId", { nullable: true }),
      leadOwner: t.field({ type: OfficialRef, nullable: true, resolve: (task) => (task.leadOwner ? { id: task.leadOwner } : null) }),
      coOwners: t.field({ type: [OfficialRef], resolve: (task) => task.coOwners.map((id) => ({ id })) }),
      deliverable: t.exposeString("deliverable", { nullable: true, description: "rõ sản phẩm" }),
      expectedResult: t.exposeString("expectedResult", { nullable: true, description: "rõ kết quả" }),
      deadline: t.expose("deadline", {
        type: "Date",
        nullable: true,
        description: "The deadline in force, a date in Vietnam (Asia/Ho_Chi_Minh).",
      }),
      milestones: t.field({ type: [MilestoneRef], resolve: (task) => task.milestones }),
      priority: t.expose("priority", { type: TaskPriorityEnum }),
      responsibility: t.exposeString("responsibility", { nullable: true, description: "rõ trách nhiệm (6 rõ)" }),
      authority: t.exposeString("authority", { nullable: true, description: "rõ thẩm quyền (6 rõ)" }),
      documentNumber: t.exposeString("documentNumber", { nullable: true, description: "Số hiệu văn bản giao nhiệm vụ." }),
      missingChecklistItems: t.field({
        type: [ChecklistItemEnum],
        description: "What the configured checklist still lacks before the task can be assigned.",
        resolve: (task) => missingItems(task, deps.checklist),
      }),
      status: t.expose("status", { type: TaskStatusEnum }),
      statusLabel: t.string({
        description: 'The status as people read it, e.g. "Đang thực hiện".',
        resolve: (task) => TASK_STATUS_LABELS[task.status],
      }),
      completion: t.expose("completion", { type: TaskCompletionEnum, nullable: true }),
      progress: t.exposeInt("progress", { description: "Percent, from the latest progress report." }),
      lastReport: t.field({ type: ProgressReportRef, nullable: true, resolve: (task) => task.lastReport ?? null }),
      submittedAt: t.expose("submittedAt", { type: "DateTime", nullable: true }),
      overdue: t.boolean({
        description: "Past the end of its deadline day in Vietnam and not done (nor handed in on time).",
        resolve: (task) => isOverdueAt(task, nowFor(task)),
      }),
      pendingExtension: t.field({ type: ExtensionRequestRef, nullable: true, resolve: (task) => task.pendingExtension ?? null }),
      extensions: t.field({ type: [ExtensionRef], resolve: (task) => task.extensions }),
      returnReason: t.exposeString("returnReason", { nullable: true }),
      cancelReason: t.exposeString("cancelReason", { nullable: true }),
      history: t.field({
        type: [HistoryEntryRef],
        description: "Every change, oldest first, from the events archive.",
        // One read of the archive and the outboxes for every task on the page; reads never publish.
        resolve: async (task, _args, ctx) => {
          const entries = (await loaderOf(ctx, "taskHistory", (ids: readonly string[]) => taskHistories(deps.db, ids)).load(task.id)) ?? [];
          return task.asOf ? entries.filter((entry) => Date.parse(entry.at) <= (task.asOf as Date).getTime()) : entries;
        },
      }),
    }),
  });

  const readable = async (principal: Principal, id: string): Promise<StoredTask | null> => {
    const task = (await deps.tasks.byIds([id])).get(id);
    return task && mayReadTask(principal, task) ? task : null;
  };

  const listArgs = (t: Parameters<Parameters<typeof builder.queryFields>[0]>[0]) => ({
    status: t.arg({ type: TaskStatusEnum }),
    overdue: t.arg.boolean({ description: "true: only overdue and not done; false: only the others." }),
  });

  builder.queryFields((t) => ({
    task: t.authenticated.field({
      type: TaskRef,
      nullable: true,
      description: "Null when there is no such task or you may not read it.",
      args: { id: t.arg.id({ required: true }) },
      resolve: (_root, { id }, ctx) => readable(ctx.principal, String(id)),
    }),
    taskAsOf: t.authenticated.field({
      type: TaskRef,
      nullable: true,
      description: "The task as it stood at `at`, rebuilt from its events; null before it existed or when you may not read it.",
      args: { id: t.arg.id({ required: true }), at: t.arg({ type: "DateTime", required: true }) },
      resolve: async (_root, { id, at }, ctx) => {
        if ((await readable(ctx.principal, String(id))) === null) return null;
        const asOf = new Date(at);
        const state = await taskAsOf(deps.db, String(id), asOf);
        return state === null ? null : { ...state, asOf };
      },
    }),
    tasks: t.authenticated.connection({
      type: TaskRef,
      description: "Tasks you may read, nearest deadline first.",
      args: { ...listArgs(t), unit: t.arg.id(), programme: t.arg.id(), leadOwner: t.arg.id() },
      resolve: async (_root, args, ctx) => {
        const filter: TaskFilter = {
          now: deps.clock.now(),
          ...scopeOf(ctx.principal),
          ...(args.unit ? { units: [String(args.unit)] } : {}),
          ...(args.programme ? { programmeId: String(args.programme) } : {}),
          ...(args.leadOwner ? { leadOwner: String(args.leadOwner) } : {}),
          ...(args.status ? { status: args.status } : {}),
          ...(args.overdue == null ? {} : { overdue: args.overdue }),
        };
        return resolveOffsetPage(args, await deps.tasks.count(filter), (window) => deps.tasks.list(filter, window));
      },
    }),
  }));

  builder.objectField(UnitRef, "tasks", (t) =>
    t.authenticated.connection({
      type: TaskRef,
      description: "The unit's tasks you may read, nearest deadline first.",
      args: { status: t.arg({ type: TaskStatusEnum }), overdue: t.arg.boolean() },
      resolve: async (unit, args, ctx) => {
        const filter: TaskFilter = {
          now: deps.clock.now(),
          units: [unit.code],
          ...scopeOf(ctx.principal, unit.code),
          ...(args.status ? { status: args.status } : {}),
          ...(args.overdue == null ? {} : { overdue: args.overdue }),
        };
        return resolveOffsetPage(args, await deps.tasks.count(filter), (window) => deps.tasks.list(filter, window));
      },
    }),
  );

  builder.objectField(OfficialRef, "tasks", (t) =>
    t.authenticated.connection({
      type: TaskRef,
      description: "Tasks this official leads that you may read.",
      args: { status: t.arg({ type: TaskStatusEnum }), overdue: t.arg.boolean() },
      resolve: async (official, args, ctx) => {
        const filter: TaskFilter = {
          now: deps.clock.now(),
          leadOwner: official.id,
          ...scopeOf(ctx.principal),
          ...(args.status ? { status: args.status } : {}),
          ...(args.overdue == null ? {} : { overdue: args.overdue }),
        };
        return resolveOffsetPage(args, await deps.tasks.count(filter), (window) => deps.tasks.list(filter, window));
      },
    }),
  );

  return { TaskRef, ProgrammeRef, TaskStatusEnum, TaskPriorityEnum, ChecklistItemEnum };
}

/** The read scope of a list; none when the caller reads every unit (or the one unit asked for). */
function scopeOf(principal: Principal, unit?: string): Pick<TaskFilter, "scope"> {
  if (unit !== undefined && mayReadUnit(principal, unit)) return {};
  const scope = readScopeOf(principal);
  return scope === undefined ? {} : { scope };
}

export type TaskTypes = ReturnType<typeof addTaskSchema>;
