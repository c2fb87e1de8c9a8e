import type { z } from "zod";
import { hasRole, mayReadUnit, type Principal } from "@lienthong/auth/principal";
import { vnDate } from "@lienthong/calendar/working-days";
import {
  fail,
  invalidTransition,
  notAllowed,
  notFound,
  ok,
  validationError,
  type FieldProblem,
  type Result,
} from "@lienthong/contracts/errors";
import type { FINDING_SEVERITIES, inspectionFindingsRecorded, inspectionPlanned } from "@lienthong/contracts/tasks";
import { officialProblem, ownerProblems, type OfficialsById } from "../officials/official";
import { CHECKLIST_FIELDS, missingItems, type ChecklistItem } from "../tasks/checklist";
import { unknownUnitProblems, type KnownUnits } from "../units/known-units";

export type FindingSeverity = (typeof FINDING_SEVERITIES)[number];

/** What a finding asks the inspected unit to do: the "rõ" details of the task it opens there. */
export interface FollowUpDetails {
  title: string;
  deliverable: string;
  expectedResult: string;
  deadline: string;
  leadOwner: string;
  responsibility?: string;
  authority?: string;
}

export interface FollowUp extends FollowUpDetails {
  /** The follow-up task's id, derived from the inspection and the finding's position (see followUpTaskId). */
  taskId: string;
}

export interface Finding {
  summary: string;
  severity: FindingSeverity;
  followUp?: FollowUp;
}

export interface FindingInput {
  summary: string;
  severity: FindingSeverity;
  followUp?: FollowUpDetails;
}

export const INSPECTION_STATUSES = ["PLANNED", "FINDINGS_RECORDED"] as const;

/** A kiểm tra: the city checks how a ward carries out its work, then records findings that open follow-up tasks. */
export interface Inspection {
  id: string;
  inspectedUnit: string;
  scope: string;
  date: string;
  /** Officials on the inspection team; the lead is always one of them. */
  team: string[];
  lead: string;
  status: (typeof INSPECTION_STATUSES)[number];
  findings: Finding[];
  findingsRecordedAt?: string;
}

export type InspectionCommand =
  | { type: "PlanInspection"; inspectionId: string; inspectedUnit: string; scope: string; date: string; team: string[]; lead: string }
  | { type: "RecordInspectionFindings"; inspectionId: string; findings: FindingInput[] };

export type InspectionEvent =
  | { type: "InspectionPlanned"; data: z.infer<typeof inspectionPlanned.schema> }
  | { type: "InspectionFindingsRecorded"; data: z.infer<typeof inspectionFindingsRecorded.schema> };

export interface InspectionContext {
  principal: Principal;
  now: Date;
  /** The "rõ" checklist follow-up tasks must satisfy, as for any task the city assigns. */
  checklist: readonly ChecklistItem[];
  /** The officials the command names (team, follow-up lead owners), as the tasks service knows them from directory. */
  officials: OfficialsById;
  /** The official unit codes: only those are inspected. */
  knownUnits: KnownUnits;
}

/**
 * The follow-up task of the finding at `index`: the same id every time, so recording the same findings again
 * (a client retry, a redelivered event) finds the task instead of opening a second one.
 */
export function followUpTaskId(inspectionId: string, index: number): string {
  return `${inspectionId}-finding-${index + 1}`;
}

/** The inspected ward's staff, city-wide readers and the team itself read an inspection. */
export function mayReadInspection(principal: Principal, inspection: Pick<Inspection, "inspectedUnit" | "team">): boolean {
  return mayReadUnit(principal, inspection.inspectedUnit) || inspection.team.includes(principal.sub);
}

/** A higher level inspects a lower one: with two tiers of local government, the city inspects its wards. */
function plannerAuthority(principal: Principal): string | null {
  if (hasRole(principal, "city_admin")) return "city_admin";
  return hasRole(principal, "inspector") ? "inspector" : null;
}

/** Findings are recorded by a city admin or by an inspector on the team. */
function recorderAuthority(principal: Principal, inspection: Inspection): string | null {
  if (hasRole(principal, "city_admin")) return "city_admin";
  if (!hasRole(principal, "inspector") || !inspection.team.includes(principal.sub)) return null;
  return principal.sub === inspection.lead ? "inspection lead" : "inspection team member";
}

export function decide(command: InspectionCommand, state: Inspection | null, ctx: InspectionContext): Result<InspectionEvent[]> {
  const by = (authority: string) => ({ name: ctx.principal.name, authority });
  switch (command.type) {
    case "PlanInspection": {
      const authority = plannerAuthority(ctx.principal);
      if (authority === null)
        return fail(notAllowed("Chỉ Ủy ban MTTQ Thành phố (lãnh đạo hoặc cán bộ kiểm tra) lập kế hoạch kiểm tra các phường."));
      if (state !== null) return fail(invalidTransition(state.status.toLowerCase().replace("_", " "), "plan", "Cuộc kiểm tra này đã có."));
      const problems = [
        ...unknownUnitProblems("inspectedUnit", command.inspectedUnit, ctx.knownUnits),
        ...teamProblems(command, ctx.officials),
      ];
      if (problems.length > 0) return fail(validationError(problems));
      const { inspectionId, inspectedUnit, scope, date, lead } = command;
      const team = [...new Set([lead, ...command.team])];
      return ok([{ type: "InspectionPlanned", data: { inspectionId, inspectedUnit, scope, date, team, lead, by: by(authority) } }]);
    }
    case "RecordInspectionFindings": {
      // Another ward's inspection answers exactly like a missing one.
      if (state === null || !mayReadInspection(ctx.principal, state))
        return fail(notFound(`Không tìm thấy cuộc kiểm tra "${command.inspectionId}".`));
      const authority = recorderAuthority(ctx.principal, state);
      if (authority === null)
        return fail(notAllowed("Chỉ lãnh đạo Ủy ban MTTQ Thành phố hoặc thành viên đoàn kiểm tra ghi kết quả kiểm tra."));
      const findings = withTaskIds(state.id, command.findings);
      if (state.status === "FINDINGS_RECORDED") {
        // The same findings again is a retry: nothing new to record; the caller still gets the follow-up tasks.
        return sameJson(findings, state.findings)
          ? ok([])
          : fail(
              invalidTransition(
                "findings recorded",
                "record different findings",
                "Kết quả kiểm tra đã được ghi; không thể ghi kết quả khác.",
              ),
            );
      }
      const problems = findingProblems(command.findings, state.inspectedUnit, ctx);
      if (problems.length > 0) return fail(validationError(problems));
      const data = {
        inspectionId: state.id,
        inspectedUnit: state.inspectedUnit,
        findings,
        recordedAt: ctx.now.toISOString(),
        by: by(authority),
      };
      return ok([{ type: "InspectionFindingsRecorded", data }]);
    }
    default: {
      const unknown: never = command;
      throw new Error(`unknown command ${JSON.stringify(unknown)}`);
    }
  }
}

export function evolve(state: Inspection | null, event: InspectionEvent): Inspection | null {
  switch (event.type) {
    case "InspectionPlanned": {
      const { inspectionId, by: _by, ...planned } = event.data;
      return { ...planned, id: inspectionId, status: "PLANNED", findings: [] };
    }
    case "InspectionFindingsRecorded":
      return state === null
        ? state
        : { ...state, status: "FINDINGS_RECORDED", findings: event.data.findings, findingsRecordedAt: event.data.recordedAt };
    default: {
      const unknown: never = event;
      throw new Error(`unknown event ${JSON.stringify(unknown)}`);
    }
  }
}

function withTaskIds(inspectionId: string, findings: FindingInput[]): Finding[] {
  return findings.map((finding, index) => {
    const { followUp, ...rest } = finding;
    return followUp === undefined
      ? rest
      : { ...rest, followUp: { taskId: followUpTaskId(inspectionId, index), ...withoutUndefined(followUp) } };
  });
}

/** Every follow-up must be assignable at once: its checklist complete and its deadline not already past. */
function findingProblems(findings: FindingInput[], inspectedUnit: string, ctx: InspectionContext): FieldProblem[] {
  if (findings.length === 0) return [{ path: ["findings"], message: "Hãy ghi ít nhất một kết quả kiểm tra." }];
  const today = vnDate(ctx.now);
  return findings.flatMap((finding, index) => {
    const { followUp } = finding;
    if (followUp === undefined) return [];
    const path = ["findings", String(index), "followUp"];
    const missing = missingItems({ ...followUp, description: finding.summary }, ctx.checklist).map((item) => ({
      path: [...path, CHECKLIST_FIELDS[item].field],
      message: CHECKLIST_FIELDS[item].missing,
    }));
    const late =
      followUp.deadline < today ? [{ path: [...path, "deadline"], message: `Hạn hoàn thành không được trước hôm nay (${today}).` }] : [];
    const owner =
      followUp.leadOwner.trim() === "" ? [] : ownerProblems({ leadOwner: followUp.leadOwner }, inspectedUnit, ctx.officials, path);
    return [...missing, ...late, ...owner];
  });
}

/** The team inspects on the city's behalf: its members may come from any unit, but must be known, active officials. */
function teamProblems(command: Extract<InspectionCommand, { type: "PlanInspection" }>, officials: OfficialsById): FieldProblem[] {
  const problem = (id: string, path: string[]) => {
    const message = officialProblem(id, officials);
    return message === undefined ? [] : [{ path, message }];
  };
  return [
    ...problem(command.lead, ["lead"]),
    ...command.team.flatMap((id, index) => (id === command.lead ? [] : problem(id, ["team", String(index)]))),
  ];
}

/** Every official an inspection command names. */
export function officialsNamedBy(command: InspectionCommand): string[] {
  const ids =
    command.type === "PlanInspection"
      ? [command.lead, ...command.team]
      : command.findings.flatMap((finding) => (finding.followUp ? [finding.followUp.leadOwner] : []));
  return [...new Set(ids)];
}

/** Deep equality that ignores key order and absent optional fields. */
function sameJson(a: unknown, b: unknown): boolean {
  const canonical = (value: unknown): unknown =>
    Array.isArray(value)
      ? value.map(canonical)
      : value !== null && typeof value === "object"
        ? Object.fromEntries(
            Object.entries(value)
              .filter(([, field]) => field !== undefined)
              .sort(([x], [y]) => x.localeCompare(y))
              .map(([key, field]) => [key, canonical(field)]),
          )
        : value;
  return JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));
}

function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, field]) => field !== undefined)) as T;
}
