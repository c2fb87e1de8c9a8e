import type { Principal } from "@lienthong/auth/principal";
import type { Clock } from "@lienthong/calendar/clock";
import { officialDeactivated, officialRegistered, officialUpdated } from "@lienthong/contracts/directory";
import type { DomainError, Result } from "@lienthong/contracts/errors";
import { newId } from "@lienthong/contracts/ids";
import type { Database } from "@lienthong/store/collection";
import { createCommandHandler } from "@lienthong/store/command-handler";
import type { UnitCatalog } from "../units/unit-catalog";
import {
  decide,
  type OfficialChanges,
  type OfficialCommand,
  type OfficialContext,
  type OfficialDetails,
  type OfficialEvent,
} from "./official";
import { evolveStored, officialRepository, type StoredOfficial } from "./official-store";

export interface Caller {
  principal: Principal;
  correlationId: string;
}

export interface OfficialCommands {
  register(details: OfficialDetails, caller: Caller): Promise<Result<StoredOfficial, DomainError>>;
  update(id: string, changes: OfficialChanges, caller: Caller): Promise<Result<StoredOfficial, DomainError>>;
  deactivate(id: string, reason: string, caller: Caller): Promise<Result<StoredOfficial, DomainError>>;
}

/** The officials' write path: decide with the caller's principal, then one atomic write of state + outbox. */
export function createOfficialCommands(deps: {
  db: Database;
  clock: Clock;
  units: UnitCatalog;
  afterSave?: (id: string) => void;
}): OfficialCommands {
  const handle = createCommandHandler<OfficialCommand, StoredOfficial, OfficialEvent, OfficialContext>({
    repository: officialRepository(deps.db, deps.afterSave),
    decider: { decide, evolve: evolveStored },
    declarations: { OfficialRegistered: officialRegistered, OfficialUpdated: officialUpdated, OfficialDeactivated: officialDeactivated },
    now: () => deps.clock.now(),
    unitOf: (official) => official.unit,
  });

  async function run(id: string, command: OfficialCommand, caller: Caller): Promise<Result<StoredOfficial, DomainError>> {
    const context: OfficialContext = { principal: caller.principal, unitExists: (code) => deps.units.has(code) };
    const result = await handle(id, command, context, { actor: caller.principal.sub, correlationid: caller.correlationId });
    return result.ok ? { ok: true, value: result.value.state } : result;
  }

  return {
    register(details, caller) {
      const officialId = newId();
      return run(officialId, { type: "RegisterOfficial", officialId, details }, caller);
    },
    update: (id, changes, caller) => run(id, { type: "UpdateOfficial", officialId: id, changes }, caller),
    deactivate: (id, reason, caller) => run(id, { type: "DeactivateOfficial", officialId: id, reason }, caller),
  };
}
