import type { FieldProblem } from "@lienthong/contracts/errors";
import { unitLabel } from "@lienthong/contracts/labels";

/** An official as the tasks service knows them from directory's events. */
export interface OfficialFacts {
  id: string;
  /** Absent only while the registration has not reached this service yet (a deactivation overtook it). */
  fullName?: string;
  unit: string;
  active: boolean;
}

/**
 * The officials a command names, looked up by the command handler before deciding, so deciders stay pure.
 * An id missing from the map is not known (yet) to this service.
 */
export type OfficialsById = ReadonlyMap<string, OfficialFacts>;

export const NO_OFFICIALS: OfficialsById = new Map();

// Ids are quoted: they are codes (often random), not words to read.
const nameOf = (official: OfficialFacts) =>
  official.fullName === undefined ? `Cán bộ mã "${official.id}"` : `${official.fullName} (mã "${official.id}")`;

/**
 * Why `id` cannot be given work, or undefined when it can: a known, active official (of `unit`, when given).
 * Directory's events arrive a moment after its writes, so "unknown" may only mean "not known yet".
 */
export function officialProblem(id: string, officials: OfficialsById, unit?: string): string | undefined {
  const official = officials.get(id);
  if (official === undefined) return `Chưa có cán bộ mã "${id}" (nếu cán bộ vừa được đăng ký, xin thử lại sau giây lát)`;
  if (!official.active) return `${nameOf(official)} đã thôi công tác`;
  if (unit !== undefined && official.unit !== unit) return `${nameOf(official)} không phải là cán bộ của ${unitLabel(unit)}`;
  return undefined;
}

export interface Owners {
  leadOwner?: string | undefined;
  coOwners?: readonly string[] | undefined;
}

/**
 * The lead owner answers for the work where it is done, so they must be an official of the unit that carries the
 * task out, whoever assigned it (the city included). Co-owners may come from any unit (a city department helping a
 * ward), but must be known and active.
 */
export function ownerProblems(owners: Owners, unit: string, officials: OfficialsById, prefix: readonly string[] = []): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (owners.leadOwner !== undefined) {
    const message = officialProblem(owners.leadOwner, officials, unit);
    if (message !== undefined) problems.push({ path: [...prefix, "leadOwner"], message });
  }
  (owners.coOwners ?? []).forEach((id, index) => {
    const message = officialProblem(id, officials);
    if (message !== undefined) problems.push({ path: [...prefix, "coOwners", String(index)], message });
  });
  return problems;
}

/** Every official id `owners` names, once each. */
export function ownerIds(owners: Owners): string[] {
  return [...new Set([...(owners.leadOwner === undefined ? [] : [owners.leadOwner]), ...(owners.coOwners ?? [])])];
}

/** How command handlers look up the officials a command names before deciding. */
export interface OfficialLookup {
  byIds(ids: readonly string[]): Promise<OfficialsById>;
}
