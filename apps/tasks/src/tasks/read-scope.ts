import { CITY_WIDE_READERS, hasRole, isCityLevel, type Principal } from "@lienthong/auth/principal";
import type { ReadScope } from "./task-store";

/** What a principal may list: undefined = everything (city level and city-wide readers). */
export function readScopeOf(principal: Principal): ReadScope | undefined {
  if (isCityLevel(principal) || hasRole(principal, ...CITY_WIDE_READERS)) return undefined;
  return { units: principal.units, official: principal.sub };
}
