import type { z } from "zod";
import type { officialDeactivated, officialRegistered, officialUpdated } from "@lienthong/contracts/directory";
import {
  fail,
  invalidTransition,
  notAllowed,
  notFound,
  ok,
  validationError,
  type DomainError,
  type Result,
} from "@lienthong/contracts/errors";
import { hasRole, mayActInUnit, type Principal, type Role } from "@lienthong/auth/principal";

export interface Official {
  id: string;
  fullName: string;
  position: string;
  unit: string;
  roles: Role[];
  email?: string;
  phone?: string;
  active: boolean;
}

export type OfficialDetails = Omit<Official, "id" | "active">;
export type OfficialChanges = Partial<Omit<OfficialDetails, "email" | "phone">> & { email?: string | null; phone?: string | null };

export type OfficialCommand =
  | { type: "RegisterOfficial"; officialId: string; details: OfficialDetails }
  | { type: "UpdateOfficial"; officialId: string; changes: OfficialChanges }
  | { type: "DeactivateOfficial"; officialId: string; reason: string };

export type OfficialEvent =
  | { type: "OfficialRegistered"; data: z.infer<typeof officialRegistered.schema> }
  | { type: "OfficialUpdated"; data: z.infer<typeof officialUpdated.schema> }
  | { type: "OfficialDeactivated"; data: z.infer<typeof officialDeactivated.schema> };

export interface OfficialContext {
  principal: Principal;
  unitExists(code: string): boolean;
}

/** Officials of a unit are managed by a city admin, or by an admin of that same unit. */
export function mayManageOfficials(principal: Principal, unit: string): boolean {
  if (hasRole(principal, "city_admin")) return true;
  return hasRole(principal, "unit_admin") && mayActInUnit(principal, unit);
}

/** Roles that reach beyond one unit: only a city admin may grant them. */
const CITY_WIDE_ROLES: readonly Role[] = ["city_admin", "city_viewer", "inspector"];

function roleGrantProblem(roles: readonly Role[] | undefined, ctx: OfficialContext): DomainError | null {
  if (roles === undefined || hasRole(ctx.principal, "city_admin")) return null;
  const cityWide = roles.filter((role) => CITY_WIDE_ROLES.includes(role));
  return cityWide.length === 0 ? null : notAllowed(`only a city admin may grant ${cityWide.join(", ")}`);
}

function unitProblem(unit: string | undefined, ctx: OfficialContext): DomainError | null {
  if (unit === undefined || ctx.unitExists(unit)) return null;
  return validationError([{ path: ["unit"], message: `unknown unit code "${unit}"` }]);
}

export function decide(command: OfficialCommand, state: Official | null, ctx: OfficialContext): Result<OfficialEvent[]> {
  switch (command.type) {
    case "RegisterOfficial": {
      const problem = unitProblem(command.details.unit, ctx);
      if (problem) return fail(problem);
      if (!mayManageOfficials(ctx.principal, command.details.unit)) {
        return fail(notAllowed(`you may not register officials of unit ${command.details.unit}`));
      }
      const grant = roleGrantProblem(command.details.roles, ctx);
      if (grant) return fail(grant);
      if (state !== null) return fail(invalidTransition("registered", "register"));
      return ok([{ type: "OfficialRegistered", data: { officialId: command.officialId, ...command.details } }]);
    }
    case "UpdateOfficial": {
      if (state === null) return fail(notFound(`official ${command.officialId} not found`));
      if (Object.values(command.changes).every((value) => value === undefined)) {
        return fail(validationError([{ path: ["input"], message: "name at least one field to change" }]));
      }
      const problem = unitProblem(command.changes.unit, ctx);
      if (problem) return fail(problem);
      const target = command.changes.unit ?? state.unit;
      if (!mayManageOfficials(ctx.principal, state.unit) || !mayManageOfficials(ctx.principal, target)) {
        return fail(
          notAllowed(`you may not change officials of unit ${state.unit === target ? state.unit : `${state.unit} or ${target}`}`),
        );
      }
      const grant = roleGrantProblem(command.changes.roles, ctx);
      if (grant) return fail(grant);
      if (!state.active) return fail(invalidTransition("deactivated", "update"));
      return ok([{ type: "OfficialUpdated", data: { officialId: state.id, changes: command.changes } }]);
    }
    case "DeactivateOfficial": {
      if (state === null) return fail(notFound(`official ${command.officialId} not found`));
      if (!mayManageOfficials(ctx.principal, state.unit)) return fail(notAllowed(`you may not change officials of unit ${state.unit}`));
      if (!state.active) return fail(invalidTransition("deactivated", "deactivate"));
      return ok([{ type: "OfficialDeactivated", data: { officialId: state.id, unit: state.unit, reason: command.reason } }]);
    }
    default: {
      const unknown: never = command;
      throw new Error(`unknown command ${JSON.stringify(unknown)}`);
    }
  }
}

export function evolve(state: Official | null, event: OfficialEvent): Official | null {
  switch (event.type) {
    case "OfficialRegistered": {
      const { officialId, ...details } = event.data;
      return { id: officialId, ...details, active: true };
    }
    case "OfficialUpdated": {
      if (state === null) return state;
      const { email, phone, ...rest } = event.data.changes;
      const defined = Object.fromEntries(Object.entries(rest).filter(([, value]) => value !== undefined));
      const next: Official = { ...state, ...defined };
      if (email === null) delete next.email;
      else if (email !== undefined) next.email = email;
      if (phone === null) delete next.phone;
      else if (phone !== undefined) next.phone = phone;
      return next;
    }
    case "OfficialDeactivated":
      return state === null ? state : { ...state, active: false };
    default: {
      const unknown: never = event;
      throw new Error(`unknown event ${JSON.stringify(unknown)}`);
    }
  }
}
