import type { Role } from "./roles";
import { loadHcmcUnits } from "./units-file";

/**
 * The Vietnamese names people read for the stable codes programs use. Every message, history entry,
 * notification and export that names a unit or a role takes its words from here.
 */

/** The city committee, written `*` in unit scopes. */
export const CITY_COMMITTEE = "Ủy ban MTTQ Việt Nam Thành phố Hồ Chí Minh";

/** Token role → what an official holding it is called. */
export const ROLE_LABELS = {
  city_admin: "Lãnh đạo Ủy ban MTTQ Thành phố",
  city_viewer: "Cán bộ theo dõi của Thành phố",
  unit_admin: "Chủ tịch Ủy ban MTTQ",
  unit_officer: "Cán bộ Ủy ban MTTQ",
  inspector: "Cán bộ kiểm tra, giám sát",
  policy_officer: "Cán bộ chính sách xã hội",
  election_officer: "Cán bộ phụ trách bầu cử",
  campaign_officer: "Cán bộ tuyên truyền",
} as const satisfies Record<Role, string>;

let unitNames: Map<string, string> | undefined;

/** "Phường Sài Gòn" for 26740, the city committee for `*`; an unknown code is shown as it is. */
export function unitLabel(code: string): string {
  if (code === "*") return CITY_COMMITTEE;
  unitNames ??= new Map(loadHcmcUnits().map((unit) => [unit.code, unit.fullName]));
  return unitNames.get(code) ?? code;
}

/** "Chủ tịch Ủy ban MTTQ Phường Sài Gòn": the first role a principal holds, where it holds it. */
export function actorLabel(actor: { roles: readonly string[]; units: readonly string[] }): string {
  const role = actor.roles.find((candidate): candidate is keyof typeof ROLE_LABELS => candidate in ROLE_LABELS);
  const unit = actor.units[0];
  if (role === undefined) return unit === undefined ? "Người dùng" : `Người dùng của ${unitLabel(unit)}`;
  if (unit === undefined || unit === "*" || role.startsWith("city_")) return ROLE_LABELS[role];
  return `${ROLE_LABELS[role]} ${unitLabel(unit).replace(/^Ủy ban MTTQ /, "")}`;
}
