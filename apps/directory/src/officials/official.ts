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
import { CITY_LEVEL, hasRole, mayActInUnit, type Principal, type Role } from "@lienthong/auth/principal";
import { ROLE_LABELS, unitLabel } from "@lienthong/contracts/labels";

export interface Official {
  id: string;
  fullName: string;
  position: string;
  /** A 5-digit unit code, or `*`: an official of the city committee. */
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

/** Officials of a unit are managed by a city admin, or by an admin of that same unit; the city committee's by a city admin only. */
export function mayManageOfficials(principal: Principal, unit: string): boolean {
  if (hasRole(principal, "city_admin")) return true;
  return unit !== CITY_LEVEL && hasRole(principal, "unit_admin") && mayActInUnit(principal, unit);
}

/** Roles that reach beyond one unit: only a city admin may grant them. */
const CITY_WIDE_ROLES: readonly Role[] = ["city_admin", "city_viewer", "inspector"];

/** Roles of a ward's own committee: an official of the city committee does not hold them. */
const UNIT_ROLES: readonly Role[] = ["unit_admin", "unit_officer"];

const roleNames = (roles: readonly Role[]) => roles.map((role) => `${ROLE_LABELS[role]} (${role})`).join(", ");

function roleGrantProblem(roles: readonly Role[] | undefined, ctx: OfficialContext): DomainError | null {
  if (roles === undefined || hasRole(ctx.principal, "city_admin")) return null;
  const cityWide = roles.filter((role) => CITY_WIDE_ROLES.includes(role));
  return cityWide.length === 0 ? null : notAllowed(`Chỉ lãnh đạo Ủy ban MTTQ Thành phố mới được giao vai trò ${roleNames(cityWide)}.`);
}

function unitProblem(unit: string | undefined, ctx: OfficialContext): DomainError | null {
  if (unit === undefined || unit === CITY_LEVEL || ctx.unitExists(unit)) return null;
  return validationError([
    { path: ["unit"], message: `mã "${unit}" không phải phường, xã hay đặc khu nào trong 168 đơn vị của Thành phố` },
  ]);
}

/** An official of the city committee holds city roles, not a ward committee's. */
function cityRoleProblem(unit: string, roles: readonly Role[]): DomainError | null {
  if (unit !== CITY_LEVEL) return null;
  const problems = roles.flatMap((role, index) =>
    UNIT_ROLES.includes(role)
      ? [
          {
            path: ["roles", String(index)],
            message: `vai trò ${ROLE_LABELS[role]} (${role}) chỉ dành cho cán bộ của một phường, xã, đặc khu`,
          },
        ]
      : [],
  );
  return problems.length === 0 ? null : validationError(problems);
}

const notFoundOfficial = (id: string) => fail(notFound(`Không tìm thấy cán bộ có mã "${id}".`));
const deactivatedAlready = (attempted: string, words: string) =>
  fail(invalidTransition("deactivated", attempted, { attempted: words, from: "cán bộ đã thôi công tác" }));

export function decide(command: OfficialCommand, state: Official | null, ctx: OfficialContext): Result<OfficialEvent[]> {
  switch (command.type) {
    case "RegisterOfficial": {
      const { unit, roles } = command.details;
      const problem = unitProblem(unit, ctx) ?? cityRoleProblem(unit, roles);
      if (problem) return fail(problem);
      if (!mayManageOfficials(ctx.principal, unit)) return fail(notAllowed(`Bạn không được đăng ký cán bộ của ${unitLabel(unit)}.`));
      const grant = roleGrantProblem(roles, ctx);
      if (grant) return fail(grant);
      if (state !== null) {
        return fail(invalidTransition("registered", "register", { attempted: "đăng ký cán bộ", from: "cán bộ đã được đăng ký" }));
      }
      return ok([{ type: "OfficialRegistered", data: { officialId: command.officialId, ...command.details } }]);
    }
    case "UpdateOfficial": {
      if (state === null) return notFoundOfficial(command.officialId);
      if (Object.values(command.changes).every((value) => value === undefined)) {
        return fail(validationError([{ path: ["input"], message: "hãy nêu ít nhất một thông tin cần thay đổi" }]));
      }
      const target = command.changes.unit ?? state.unit;
      const problem = unitProblem(command.changes.unit, ctx) ?? cityRoleProblem(target, command.changes.roles ?? state.roles);
      if (problem) return fail(problem);
      if (!mayManageOfficials(ctx.principal, state.unit) || !mayManageOfficials(ctx.principal, target)) {
        const units = state.unit === target ? unitLabel(state.unit) : `${unitLabel(state.unit)} hoặc ${unitLabel(target)}`;
        return fail(notAllowed(`Bạn không được thay đổi cán bộ của ${units}.`));
      }
      const grant = roleGrantProblem(command.changes.roles, ctx);
      if (grant) return fail(grant);
      if (!state.active) return deactivatedAlready("update", "cập nhật thông tin cán bộ");
      return ok([{ type: "OfficialUpdated", data: { officialId: state.id, changes: command.changes } }]);
    }
    case "DeactivateOfficial": {
      if (state === null) return notFoundOfficial(command.officialId);
      if (!mayManageOfficials(ctx.principal, state.unit))
        return fail(notAllowed(`Bạn không được thay đổi cán bộ của ${unitLabel(state.unit)}.`));
      if (!state.active) return deactivatedAlready("deactivate", "cho cán bộ thôi công tác");
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
