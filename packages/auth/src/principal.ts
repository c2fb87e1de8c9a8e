import { z } from "zod";
import { ROLES, type Role } from "@lienthong/contracts/roles";

export type { Role };

/** The unit scope meaning "every unit of the city". */
export const CITY_LEVEL = "*";

/** A 5-digit NSO code of a ward or commune. */
export const UNIT_CODE_PATTERN = /^\d{5}$/;

export interface Principal {
  sub: string;
  name: string;
  roles: Role[];
  /** 5-digit NSO unit codes, or `*` for city level. */
  units: string[];
}

export const roleSchema = z.enum(ROLES, {
  error: (issue) => `vai trò ${JSON.stringify(issue.input)} không tồn tại (các vai trò: ${ROLES.join(", ")})`,
});

export const unitScopeSchema = z.string().refine((value) => value === CITY_LEVEL || UNIT_CODE_PATTERN.test(value), {
  error: (issue) => `${JSON.stringify(issue.input)} không phải mã đơn vị 5 chữ số hay "${CITY_LEVEL}" (cấp Thành phố)`,
});

export function isUnitCode(value: string): boolean {
  return UNIT_CODE_PATTERN.test(value);
}

export function hasRole(principal: Principal, ...roles: Role[]): boolean {
  return roles.some((role) => principal.roles.includes(role));
}

export function isCityLevel(principal: Principal): boolean {
  return principal.units.includes(CITY_LEVEL);
}

/** Unit scope only: whether the unit is among the principal's units. Combine with `hasRole` for what they may do there. */
export function mayActInUnit(principal: Principal, unitCode: string): boolean {
  return isCityLevel(principal) || principal.units.includes(unitCode);
}

/** Roles that read every unit's records whatever units the token lists. */
export const CITY_WIDE_READERS: readonly Role[] = ["city_admin", "city_viewer", "inspector"];

/** Reading is wider than acting: city viewers and inspectors read every unit. */
export function mayReadUnit(principal: Principal, unitCode: string): boolean {
  return mayActInUnit(principal, unitCode) || hasRole(principal, ...CITY_WIDE_READERS);
}
