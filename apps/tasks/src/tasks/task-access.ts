import { hasRole, isCityLevel, mayActInUnit, mayReadUnit, type Principal } from "@lienthong/auth/principal";
import { CITY_UNIT } from "../programmes/issuing-unit";
import type { Task } from "./task-types";

/**
 * Who may do what with a task. Each check answers the authority the caller acts under (recorded in the event for
 * the audit trail), or null when the caller has none.
 */

/** Unit staff read their unit's tasks and the tasks their unit assigned; owners read theirs; city-wide roles read all. */
export function mayReadTask(principal: Principal, task: Pick<Task, "unit" | "assigningUnit" | "leadOwner" | "coOwners">): boolean {
  if (mayReadUnit(principal, task.unit)) return true;
  if (task.assigningUnit !== CITY_UNIT && mayReadUnit(principal, task.assigningUnit)) return true;
  return principal.sub === task.leadOwner || task.coOwners.includes(principal.sub);
}

/** Confirms, returns, grants or rejects extensions and cancels: an admin of the assigning unit, or a city admin. */
export function managerAuthority(principal: Principal, assigningUnit: string): string | null {
  if (hasRole(principal, "city_admin")) return "city_admin";
  if (assigningUnit !== CITY_UNIT && hasRole(principal, "unit_admin") && mayActInUnit(principal, assigningUnit))
    return `unit_admin of ${assigningUnit}`;
  return null;
}

/** Drafts and assigns: a manager, or an officer of the assigning unit. */
export function plannerAuthority(principal: Principal, assigningUnit: string): string | null {
  const manager = managerAuthority(principal, assigningUnit);
  if (manager !== null) return manager;
  if (assigningUnit === CITY_UNIT) return null;
  return hasRole(principal, "unit_officer") && mayActInUnit(principal, assigningUnit) ? `unit_officer of ${assigningUnit}` : null;
}

/** Accepts on the unit's behalf: the lead owner, or an officer or admin of the executing unit. */
export function executorAuthority(principal: Principal, task: Pick<Task, "unit" | "leadOwner">): string | null {
  if (principal.sub === task.leadOwner) return "lead owner";
  if (isCityLevel(principal) && !hasRole(principal, "city_admin")) return null;
  if (hasRole(principal, "unit_admin", "unit_officer", "city_admin") && mayActInUnit(principal, task.unit)) {
    return `${hasRole(principal, "city_admin") ? "city_admin" : hasRole(principal, "unit_admin") ? "unit_admin" : "unit_officer"} of ${task.unit}`;
  }
  return null;
}

/** Reports progress, submits and asks for more time: the lead owner only (the Party's one-owner rule). */
export function leadOwnerAuthority(principal: Principal, task: Pick<Task, "leadOwner">): string | null {
  return task.leadOwner !== undefined && principal.sub === task.leadOwner ? "lead owner" : null;
}
