import type { Principal } from "@lienthong/auth/principal";
import type { Clock } from "@lienthong/calendar/clock";
import { ok, type DomainError, type Result } from "@lienthong/contracts/errors";
import type { Database } from "@lienthong/store/collection";
import { createCommandHandler } from "@lienthong/store/command-handler";
import type { OfficialLookup } from "../officials/official";
import { CITY_UNIT } from "../programmes/issuing-unit";
import { decide } from "../tasks/task";
import { TASK_EVENTS, type Caller, type TaskPolicy } from "../tasks/task-commands";
import { evolveStored, taskRepository, type StoredTask } from "../tasks/task-store";
import type { KnownUnits } from "../units/known-units";
import type { TaskCommand, TaskContext, TaskDetails, TaskEvent } from "../tasks/task-types";
import type { Finding, FollowUp, Inspection } from "./inspection";

/** Opens (or finds) the follow-up tasks of an inspection's findings; answers their ids in finding order. */
export type OpenFollowUps = (inspection: Inspection, caller: Caller) => Promise<Result<string[], DomainError>>;

/**
 * Follow-up tasks go through the task write path (the task decider, repository and contracts), assigned by the
 * city in the inspected unit. The inspection decider already decided who may record findings, so the tasks are
 * written with city authority, and their events name the inspection as the authority in the audit trail.
 * Deterministic task ids make this idempotent: an existing task is left as it is.
 */
export function createFollowUpTasks(deps: {
  db: Database;
  clock: Clock;
  policy: TaskPolicy;
  officials: OfficialLookup;
  knownUnits: KnownUnits;
  afterSave?: (id: string) => void;
}): OpenFollowUps {
  const handle = createCommandHandler<TaskCommand, StoredTask, TaskEvent, FollowUpContext>({
    repository: taskRepository(deps.db, deps.afterSave),
    decider: { decide: decideFollowUp, evolve: evolveStored },
    declarations: TASK_EVENTS,
    now: () => deps.clock.now(),
    unitOf: (task) => task.unit,
  });

  return async (inspection, caller) => {
    const asCity: Principal = { sub: caller.principal.sub, name: caller.principal.name, roles: ["city_admin"], units: ["*"] };
    const context: FollowUpContext = {
      principal: asCity,
      // Decided as of the findings: a deadline the inspection accepted then is not refused when the task opens later.
      now: inspection.findingsRecordedAt === undefined ? deps.clock.now() : new Date(inspection.findingsRecordedAt),
      checklist: deps.policy.checklist,
      reminderOffsets: deps.policy.reminderOffsets,
      knownUnits: deps.knownUnits,
      officials: await deps.officials.byIds(
        inspection.findings.flatMap((finding) => (finding.followUp ? [finding.followUp.leadOwner] : [])),
      ),
      authority: `follow-up of inspection ${inspection.id}`,
    };
    const run = async (command: TaskCommand) => {
      const result = await handle(command.taskId, command, context, { actor: caller.principal.sub, correlationid: caller.correlationId });
      return result.ok ? ok(undefined) : result;
    };

    const ids: string[] = [];
    for (const finding of inspection.findings) {
      const followUp = finding.followUp;
      if (followUp === undefined) continue;
      const add: TaskCommand = {
        type: "AddTask",
        taskId: followUp.taskId,
        unit: inspection.inspectedUnit,
        assigningUnit: CITY_UNIT,
        details: detailsOf(finding, followUp),
      };
      // INVALID_TRANSITION: the task exists from an earlier attempt (or is past DRAFT); whatever became of it stands.
      for (const command of [add, { type: "AssignTask", taskId: followUp.taskId } as const]) {
        const result = await run(command);
        if (!result.ok && result.error.code !== "INVALID_TRANSITION") return result;
      }
      ids.push(followUp.taskId);
    }
    return ok(ids);
  };
}

type FollowUpContext = TaskContext & { authority: string };

/** The task decider, with the inspection recorded as the authority of every event it emits. */
function decideFollowUp(command: TaskCommand, state: StoredTask | null, ctx: FollowUpContext): Result<TaskEvent[]> {
  const decided = decide(command, state, ctx);
  if (!decided.ok) return decided;
  return ok(
    decided.value.map(
      (event) => ({ ...event, data: { ...event.data, by: { name: ctx.principal.name, authority: ctx.authority } } }) as TaskEvent,
    ),
  );
}

const PRIORITY_OF_SEVERITY = { MINOR: "NORMAL", MODERATE: "NORMAL", SERIOUS: "HIGH" } as const;

function detailsOf(finding: Finding, followUp: FollowUp): TaskDetails {
  const { taskId: _taskId, ...details } = followUp;
  return { ...details, description: finding.summary, coOwners: [], milestones: [], priority: PRIORITY_OF_SEVERITY[finding.severity] };
}
