import type { Principal } from "@lienthong/auth/principal";
import type { Clock } from "@lienthong/calendar/clock";
import type { DomainError, Result } from "@lienthong/contracts/errors";
import { newId } from "@lienthong/contracts/ids";
import { actionProgrammeClosed, actionProgrammeCreated, actionProgrammeUpdated } from "@lienthong/contracts/tasks";
import type { Database } from "@lienthong/store/collection";
import { createCommandHandler } from "@lienthong/store/command-handler";
import { CITY_UNIT } from "./issuing-unit";
import {
  decide,
  evolve,
  type ActionProgramme,
  type ProgrammeCommand,
  type ProgrammeContext,
  type ProgrammeDetails,
  type ProgrammeEvent,
} from "./programme";
import type { KnownUnits } from "../units/known-units";
import { programmeRepository } from "./programme-store";

export interface Caller {
  principal: Principal;
  correlationId: string;
}

export interface ProgrammeCommands {
  create(issuingUnit: string, details: ProgrammeDetails, caller: Caller): Promise<Result<ActionProgramme, DomainError>>;
  update(id: string, changes: Partial<ProgrammeDetails>, caller: Caller): Promise<Result<ActionProgramme, DomainError>>;
  close(id: string, reason: string, caller: Caller): Promise<Result<ActionProgramme, DomainError>>;
}

export function createProgrammeCommands(deps: {
  db: Database;
  clock: Clock;
  knownUnits: KnownUnits;
  afterSave?: (id: string) => void;
}): ProgrammeCommands {
  const handle = createCommandHandler<ProgrammeCommand, ActionProgramme, ProgrammeEvent, ProgrammeContext>({
    repository: programmeRepository(deps.db, deps.afterSave),
    decider: { decide, evolve },
    declarations: {
      ActionProgrammeCreated: actionProgrammeCreated,
      ActionProgrammeUpdated: actionProgrammeUpdated,
      ActionProgrammeClosed: actionProgrammeClosed,
    },
    now: () => deps.clock.now(),
    // "*" (the city) is not a unit code: city programmes carry no unit on their events.
    unitOf: (programme) => (programme.issuingUnit === CITY_UNIT ? undefined : programme.issuingUnit),
  });

  async function run(id: string, command: ProgrammeCommand, caller: Caller): Promise<Result<ActionProgramme, DomainError>> {
    const result = await handle(
      id,
      command,
      { principal: caller.principal, knownUnits: deps.knownUnits },
      { actor: caller.principal.sub, correlationid: caller.correlationId },
    );
    return result.ok ? { ok: true, value: result.value.state } : result;
  }

  return {
    create(issuingUnit, details, caller) {
      const programmeId = newId();
      return run(programmeId, { type: "CreateActionProgramme", programmeId, issuingUnit, details }, caller);
    },
    update: (id, changes, caller) => run(id, { type: "UpdateActionProgramme", programmeId: id, changes }, caller),
    close: (id, reason, caller) => run(id, { type: "CloseActionProgramme", programmeId: id, reason }, caller),
  };
}
