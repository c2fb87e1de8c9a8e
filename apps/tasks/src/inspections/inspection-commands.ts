import type { Clock } from "@lienthong/calendar/clock";
import type { DomainError, Result } from "@lienthong/contracts/errors";
import { newId } from "@lienthong/contracts/ids";
import { inspectionFindingsRecorded, inspectionPlanned } from "@lienthong/contracts/tasks";
import type { Database } from "@lienthong/store/collection";
import { createCommandHandler } from "@lienthong/store/command-handler";
import type { OfficialLookup } from "../officials/official";
import type { ChecklistItem } from "../tasks/checklist";
import type { Caller } from "../tasks/task-commands";
import type { KnownUnits } from "../units/known-units";
import type { OpenFollowUps } from "./follow-up-tasks";
import {
  decide,
  evolve,
  officialsNamedBy,
  type FindingInput,
  type Inspection,
  type InspectionCommand,
  type InspectionContext,
  type InspectionEvent,
} from "./inspection";
import { inspectionRepository } from "./inspection-store";

export const INSPECTION_EVENTS = { InspectionPlanned: inspectionPlanned, InspectionFindingsRecorded: inspectionFindingsRecorded };

export interface PlanInspectionInput {
  inspectedUnit: string;
  scope: string;
  date: string;
  team: string[];
  lead: string;
}

export interface InspectionCommands {
  plan(input: PlanInspectionInput, caller: Caller): Promise<Result<Inspection, DomainError>>;
  /**
   * Records the findings and opens a follow-up task in the inspected unit for each finding that asks for one, in
   * one call. Safe to retry with the same findings: nothing is recorded twice and no task is opened twice.
   */
  recordFindings(id: string, findings: FindingInput[], caller: Caller): Promise<Result<Inspection, DomainError>>;
}

export function createInspectionCommands(deps: {
  db: Database;
  clock: Clock;
  checklist: readonly ChecklistItem[];
  openFollowUps: OpenFollowUps;
  officials: OfficialLookup;
  knownUnits: KnownUnits;
  afterSave?: (id: string) => void;
}): InspectionCommands {
  const handle = createCommandHandler<InspectionCommand, Inspection, InspectionEvent, InspectionContext>({
    repository: inspectionRepository(deps.db, deps.afterSave),
    decider: { decide, evolve },
    declarations: INSPECTION_EVENTS,
    now: () => deps.clock.now(),
    unitOf: (inspection) => inspection.inspectedUnit,
  });

  async function run(id: string, command: InspectionCommand, caller: Caller): Promise<Result<Inspection, DomainError>> {
    const officials = await deps.officials.byIds(officialsNamedBy(command));
    const context = {
      principal: caller.principal,
      now: deps.clock.now(),
      checklist: deps.checklist,
      officials,
      knownUnits: deps.knownUnits,
    };
    const result = await handle(id, command, context, { actor: caller.principal.sub, correlationid: caller.correlationId });
    return result.ok ? { ok: true, value: result.value.state } : result;
  }

  return {
    plan(input, caller) {
      const inspectionId = newId();
      return run(inspectionId, { type: "PlanInspection", inspectionId, ...input }, caller);
    },
    async recordFindings(id, findings, caller) {
      const recorded = await run(id, { type: "RecordInspectionFindings", inspectionId: id, findings }, caller);
      if (!recorded.ok) return recorded;
      // The findings are durable before any task is written; should this step not finish, the findings event
      // (relayed from the outbox) makes the follow-up consumer finish it, and a retry of this call does too.
      const opened = await deps.openFollowUps(recorded.value, caller);
      return opened.ok ? recorded : opened;
    },
  };
}
