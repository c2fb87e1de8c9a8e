import type { Principal } from "@lienthong/auth/principal";
import type { Clock } from "@lienthong/calendar/clock";
import type { DomainError, Result } from "@lienthong/contracts/errors";
import { newId } from "@lienthong/contracts/ids";
import * as contracts from "@lienthong/contracts/tasks";
import type { Database } from "@lienthong/store/collection";
import { createCommandHandler, type EventDeclarations } from "@lienthong/store/command-handler";
import type { Repository } from "@lienthong/store/repository";
import { NO_OFFICIALS, ownerIds, type OfficialLookup } from "../officials/official";
import type { ActionProgramme } from "../programmes/programme";
import type { KnownUnits } from "../units/known-units";
import type { ChecklistItem } from "./checklist";
import { decide } from "./task";
import { evolveStored, taskRepository, type StoredTask } from "./task-store";
import type { TaskCommand, TaskContext, TaskDetails, TaskEvent } from "./task-types";

export interface Caller {
  principal: Principal;
  correlationId: string;
  /** When the caller acted, for records filled in afterwards (the demo seed's past); default: the clock's now. */
  at?: Date;
}

/** Every task event and its contract: the service's one mapping from domain events to the wire. */
export const TASK_EVENTS: EventDeclarations<TaskEvent> = {
  TaskAdded: contracts.taskAdded,
  TaskUpdated: contracts.taskUpdated,
  TaskAssigned: contracts.taskAssigned,
  TaskAccepted: contracts.taskAccepted,
  TaskProgressReported: contracts.taskProgressReported,
  TaskSubmitted: contracts.taskSubmitted,
  TaskConfirmed: contracts.taskConfirmed,
  TaskReturned: contracts.taskReturned,
  TaskExtensionRequested: contracts.taskExtensionRequested,
  TaskExtensionGranted: contracts.taskExtensionGranted,
  TaskExtensionRejected: contracts.taskExtensionRejected,
  TaskCancelled: contracts.taskCancelled,
  TaskBecameOverdue: contracts.taskBecameOverdue,
  TaskReminderDue: contracts.taskReminderDue,
};

/** The principal the schedules act as: city level, recorded as the actor of overdue and reminder events. */
export const SCHEDULE_PRINCIPAL: Principal = {
  sub: "system:tasks-schedule",
  name: "Lịch nhắc việc tự động",
  roles: ["city_admin"],
  units: ["*"],
};

export interface TaskPolicy {
  checklist: readonly ChecklistItem[];
  reminderOffsets: readonly number[];
}

export interface AddTaskInput {
  unit: string;
  assigningUnit?: string;
  programmeId?: string;
  details: TaskDetails;
}

export type TaskResult = Promise<Result<StoredTask, DomainError>>;
type Transition = Exclude<TaskCommand, { type: "AddTask" }>;

export interface TaskCommands {
  add(input: AddTaskInput, caller: Caller): TaskResult;
  /** Any command on an existing task (the command names the task). */
  run(command: Transition, caller: Caller): TaskResult;
  /** Schedule commands: the outcome says whether an event was written. */
  runScheduled(
    command: Extract<TaskCommand, { type: "MarkTaskOverdue" | "SendTaskReminder" }>,
    correlationId: string,
  ): Promise<Result<boolean, DomainError>>;
}

export function createTaskCommands(deps: {
  db: Database;
  clock: Clock;
  policy: TaskPolicy;
  programmes: Repository<ActionProgramme>;
  officials: OfficialLookup;
  knownUnits: KnownUnits;
  afterSave?: (id: string) => void;
}): TaskCommands {
  const repository = taskRepository(deps.db, deps.afterSave);
  const handlerAt = (now: () => Date) =>
    createCommandHandler<TaskCommand, StoredTask, TaskEvent, TaskContext>({
      repository,
      decider: { decide, evolve: evolveStored },
      declarations: TASK_EVENTS,
      now,
      unitOf: (task) => task.unit,
    });
  const handle = handlerAt(() => deps.clock.now());

  const contextOf = (principal: Principal, extra: Partial<TaskContext> = {}): TaskContext => ({
    principal,
    now: deps.clock.now(),
    checklist: deps.policy.checklist,
    reminderOffsets: deps.policy.reminderOffsets,
    officials: NO_OFFICIALS,
    knownUnits: deps.knownUnits,
    ...extra,
  });

  async function execute(command: TaskCommand, caller: Caller, extra: Partial<TaskContext> = {}) {
    const named = ownerIds(command.type === "AddTask" ? command.details : command.type === "UpdateTask" ? command.changes : {});
    const officials = named.length === 0 ? NO_OFFICIALS : await deps.officials.byIds(named);
    const context = contextOf(caller.principal, { officials, ...(caller.at ? { now: caller.at } : {}), ...extra });
    const at = caller.at;
    const result = await (at ? handlerAt(() => at) : handle)(command.taskId, command, context, {
      actor: caller.principal.sub,
      correlationid: caller.correlationId,
    });
    return result.ok ? ({ ok: true, value: result.value } as const) : result;
  }

  return {
    async add(input, caller) {
      const taskId = newId();
      let programme: TaskContext["programme"];
      if (input.programmeId !== undefined) {
        const loaded = await deps.programmes.load(input.programmeId);
        programme = loaded ? { issuingUnit: loaded.state.issuingUnit, closed: loaded.state.status === "CLOSED" } : null;
      }
      const command: TaskCommand = { type: "AddTask", taskId, ...input };
      const result = await execute(command, caller, programme === undefined ? {} : { programme });
      return result.ok ? { ok: true, value: result.value.state } : result;
    },
    async run(command, caller) {
      const result = await execute(command, caller);
      return result.ok ? { ok: true, value: result.value.state } : result;
    },
    async runScheduled(command, correlationId) {
      const result = await execute(command, { principal: SCHEDULE_PRINCIPAL, correlationId });
      return result.ok ? { ok: true, value: result.value.events.length > 0 } : result;
    },
  };
}
