import type { z } from "zod";
import { hasRole, mayActInUnit, type Principal } from "@lienthong/auth/principal";
import type { actionProgrammeClosed, actionProgrammeCreated, actionProgrammeUpdated } from "@lienthong/contracts/tasks";
import { unitLabel } from "@lienthong/contracts/labels";
import { fail, invalidTransition, notAllowed, notFound, ok, validationError, type Result } from "@lienthong/contracts/errors";
import { unknownUnitProblems, type KnownUnits } from "../units/known-units";
import { CITY_UNIT } from "./issuing-unit";

export interface Target {
  indicator: string;
  baseline?: number;
  targetValue: number;
  unitOfMeasure: string;
  period?: string;
}

export interface SourceDocument {
  number: string;
  date: string;
  issuer: string;
  summary: string;
}

export interface ProgrammeDetails {
  title: string;
  term?: string;
  periodFrom?: string;
  periodTo?: string;
  sourceDocument: SourceDocument;
  sourceCongressId?: string;
  targets: Target[];
}

export interface ActionProgramme extends ProgrammeDetails {
  id: string;
  /** A unit code, or "*" for the city committee's own programmes. */
  issuingUnit: string;
  status: "ACTIVE" | "CLOSED";
  closedReason?: string;
}

export type ProgrammeCommand =
  | { type: "CreateActionProgramme"; programmeId: string; issuingUnit: string; details: ProgrammeDetails }
  | { type: "UpdateActionProgramme"; programmeId: string; changes: Partial<ProgrammeDetails> }
  | { type: "CloseActionProgramme"; programmeId: string; reason: string };

export type ProgrammeEvent =
  | { type: "ActionProgrammeCreated"; data: z.infer<typeof actionProgrammeCreated.schema> }
  | { type: "ActionProgrammeUpdated"; data: z.infer<typeof actionProgrammeUpdated.schema> }
  | { type: "ActionProgrammeClosed"; data: z.infer<typeof actionProgrammeClosed.schema> };

export interface ProgrammeContext {
  principal: Principal;
  knownUnits: KnownUnits;
}

/** A unit's programmes are managed by its admins; the city's (and any unit's) by city admins. */
export function programmeAuthority(principal: Principal, issuingUnit: string): string | null {
  if (hasRole(principal, "city_admin")) return "city_admin";
  if (issuingUnit !== CITY_UNIT && hasRole(principal, "unit_admin") && mayActInUnit(principal, issuingUnit))
    return `unit_admin of ${issuingUnit}`;
  return null;
}

const CLOSED_MESSAGE = "Chương trình hành động đã kết thúc.";

function periodProblem(details: Partial<ProgrammeDetails>) {
  if (details.periodFrom && details.periodTo && details.periodTo < details.periodFrom) {
    return fail(validationError([{ path: ["periodTo"], message: "Ngày kết thúc không được trước ngày bắt đầu." }]));
  }
  return null;
}

export function decide(command: ProgrammeCommand, state: ActionProgramme | null, ctx: ProgrammeContext): Result<ProgrammeEvent[]> {
  const by = (authority: string) => ({ name: ctx.principal.name, authority });
  switch (command.type) {
    case "CreateActionProgramme": {
      const unknownUnit = command.issuingUnit === CITY_UNIT ? [] : unknownUnitProblems("issuingUnit", command.issuingUnit, ctx.knownUnits);
      if (unknownUnit.length > 0) return fail(validationError(unknownUnit));
      const authority = programmeAuthority(ctx.principal, command.issuingUnit);
      if (authority === null)
        return fail(notAllowed(`Bạn không có quyền lập chương trình hành động của ${unitLabel(command.issuingUnit)}.`));
      if (state !== null) return fail(invalidTransition("created", "create", "Chương trình hành động này đã có."));
      const problem = periodProblem(command.details);
      if (problem) return problem;
      return ok([
        {
          type: "ActionProgrammeCreated",
          data: { programmeId: command.programmeId, issuingUnit: command.issuingUnit, ...command.details, by: by(authority) },
        },
      ]);
    }
    case "UpdateActionProgramme": {
      if (state === null) return fail(notFound(`Không tìm thấy chương trình hành động "${command.programmeId}".`));
      const authority = programmeAuthority(ctx.principal, state.issuingUnit);
      if (authority === null) return fail(notAllowed("Bạn không có quyền sửa chương trình hành động này."));
      if (state.status === "CLOSED") return fail(invalidTransition("closed", "update", CLOSED_MESSAGE));
      if (Object.values(command.changes).every((value) => value === undefined)) {
        return fail(validationError([{ path: ["input"], message: "Hãy nêu ít nhất một nội dung cần sửa." }]));
      }
      const problem = periodProblem({ ...state, ...command.changes });
      if (problem) return problem;
      return ok([
        {
          type: "ActionProgrammeUpdated",
          data: { programmeId: state.id, issuingUnit: state.issuingUnit, changes: command.changes, by: by(authority) },
        },
      ]);
    }
    case "CloseActionProgramme": {
      if (state === null) return fail(notFound(`Không tìm thấy chương trình hành động "${command.programmeId}".`));
      const authority = programmeAuthority(ctx.principal, state.issuingUnit);
      if (authority === null) return fail(notAllowed("Bạn không có quyền kết thúc chương trình hành động này."));
      if (state.status === "CLOSED") return fail(invalidTransition("closed", "close", CLOSED_MESSAGE));
      return ok([
        {
          type: "ActionProgrammeClosed",
          data: { programmeId: state.id, issuingUnit: state.issuingUnit, reason: command.reason, by: by(authority) },
        },
      ]);
    }
    default: {
      const unknown: never = command;
      throw new Error(`unknown command ${JSON.stringify(unknown)}`);
    }
  }
}

export function evolve(state: ActionProgramme | null, event: ProgrammeEvent): ActionProgramme | null {
  switch (event.type) {
    case "ActionProgrammeCreated": {
      const { programmeId, by: _by, ...details } = event.data;
      return { ...withoutUndefined(details), id: programmeId, targets: details.targets, status: "ACTIVE" } as ActionProgramme;
    }
    case "ActionProgrammeUpdated":
      return state === null ? state : { ...state, ...withoutUndefined(event.data.changes) };
    case "ActionProgrammeClosed":
      return state === null ? state : { ...state, status: "CLOSED", closedReason: event.data.reason };
    default: {
      const unknown: never = event;
      throw new Error(`unknown event ${JSON.stringify(unknown)}`);
    }
  }
}

function withoutUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, field]) => field !== undefined)) as Partial<T>;
}
