import { mayReadUnit, type Principal } from "@lienthong/auth/principal";
import { FINDING_SEVERITIES } from "@lienthong/contracts/tasks";
import { payload } from "@lienthong/subgraph/common-types";
import { resolveOffsetPage } from "@lienthong/subgraph/connections";
import { valueOrThrow } from "@lienthong/subgraph/domain-errors";
import {
  ConflictError,
  InvalidTransitionError,
  NotAllowedError,
  NotFoundError,
  ValidationError,
  parseInput,
} from "@lienthong/subgraph/errors";
import { INSPECTION_STATUSES, mayReadInspection, type Finding, type FollowUp, type Inspection } from "../inspections/inspection";
import type { InspectionCommands } from "../inspections/inspection-commands";
import type { InspectionFilter, InspectionQueries } from "../inspections/inspection-store";
import { readScopeOf } from "../tasks/read-scope";
import { mayReadTask } from "../tasks/task-access";
import type { TaskQueries } from "../tasks/task-store";
import { callerOf } from "./access";
import type { TasksBuilder } from "./builder";
import { planInspectionInput, recordFindingsInput } from "./oversight-input";
import type { ExternalRefs } from "./refs";
import type { TaskTypes } from "./task";

const ERRORS = [ValidationError, NotAllowedError, NotFoundError, InvalidTransitionError, ConflictError];

export interface InspectionSchemaDeps {
  inspections: InspectionQueries;
  inspectionCommands: InspectionCommands;
  tasks: TaskQueries;
}

export function addInspectionSchema(builder: TasksBuilder, refs: ExternalRefs, types: TaskTypes, deps: InspectionSchemaDeps) {
  const { UnitRef, OfficialRef } = refs;
  const StatusEnum = builder.enumType("InspectionStatus", { values: INSPECTION_STATUSES });
  const SeverityEnum = builder.enumType("FindingSeverity", { values: FINDING_SEVERITIES });

  const FollowUpRef = builder.objectRef<FollowUp>("InspectionFollowUp").implement({
    description: "What a finding asks the inspected unit to do; it opened the task `task` there.",
    fields: (t) => ({
      title: t.exposeString("title"),
      deliverable: t.exposeString("deliverable"),
      expectedResult: t.exposeString("expectedResult"),
      deadline: t.expose("deadline", { type: "Date" }),
      leadOwner: t.field({ type: OfficialRef, resolve: (followUp) => ({ id: followUp.leadOwner }) }),
      responsibility: t.exposeString("responsibility", { nullable: true }),
      authority: t.exposeString("authority", { nullable: true }),
      task: t.authenticated.field({
        type: types.TaskRef,
        nullable: true,
        description: "The follow-up task; null while it is being opened or when you may not read it.",
        resolve: async (followUp, _args, ctx) => {
          const task = (await deps.tasks.byIds([followUp.taskId])).get(followUp.taskId);
          return task && mayReadTask(ctx.principal, task) ? task : null;
        },
      }),
    }),
  });
  const FindingRef = builder.objectRef<Finding>("InspectionFinding").implement({
    fields: (t) => ({
      summary: t.exposeString("summary"),
      severity: t.expose("severity", { type: SeverityEnum }),
      followUp: t.field({ type: FollowUpRef, nullable: true, resolve: (finding) => finding.followUp ?? null }),
    }),
  });
  const InspectionRef = builder.objectRef<Inspection>("Inspection").implement({
    description: "An inspection (kiểm tra) of a ward by the city: plan, visit, findings, follow-up tasks.",
    fields: (t) => ({
      id: t.exposeID("id"),
      inspectedUnit: t.field({ type: UnitRef, resolve: (inspection) => ({ code: inspection.inspectedUnit }) }),
      scope: t.exposeString("scope"),
      date: t.expose("date", { type: "Date" }),
      team: t.field({ type: [OfficialRef], resolve: (inspection) => inspection.team.map((id) => ({ id })) }),
      lead: t.field({ type: OfficialRef, resolve: (inspection) => ({ id: inspection.lead }) }),
      status: t.expose("status", { type: StatusEnum }),
      findings: t.field({ type: [FindingRef], resolve: (inspection) => inspection.findings }),
      findingsRecordedAt: t.expose("findingsRecordedAt", { type: "DateTime", nullable: true }),
    }),
  });

  const readable = async (principal: Principal, id: string) => {
    const inspection = await deps.inspections.byId(id);
    return inspection && mayReadInspection(principal, inspection) ? inspection : null;
  };
  const listFor = (principal: Principal, unit?: string): InspectionFilter => {
    const scope = unit !== undefined && mayReadUnit(principal, unit) ? undefined : readScopeOf(principal);
    return { ...(unit === undefined ? {} : { units: [unit] }), ...(scope ? { scope } : {}) };
  };

  builder.queryFields((t) => ({
    inspection: t.authenticated.field({
      type: InspectionRef,
      nullable: true,
      description: "Null when there is no such inspection or you may not read it.",
      args: { id: t.arg.id({ required: true }) },
      resolve: (_root, { id }, ctx) => readable(ctx.principal, String(id)),
    }),
    inspections: t.authenticated.connection({
      type: InspectionRef,
      description: "Inspections you may read, latest date first.",
      args: { unit: t.arg.id() },
      resolve: async (_root, args, ctx) => {
        const filter = listFor(ctx.principal, args.unit ? String(args.unit) : undefined);
        return resolveOffsetPage(args, await deps.inspections.count(filter), (window) => deps.inspections.list(filter, window));
      },
    }),
  }));

  builder.objectField(UnitRef, "inspections", (t) =>
    t.authenticated.connection({
      type: InspectionRef,
      description: "Inspections of this unit you may read, latest date first.",
      resolve: async (unit, args, ctx) => {
        const filter = listFor(ctx.principal, unit.code);
        return resolveOffsetPage(args, await deps.inspections.count(filter), (window) => deps.inspections.list(filter, window));
      },
    }),
  );

  const PlanInput = builder.inputType("PlanInspectionInput", {
    fields: (t) => ({
      inspectedUnit: t.id({ required: true, description: "5-digit code of the ward or commune inspected." }),
      scope: t.string({ required: true }),
      date: t.field({ type: "Date", required: true }),
      team: t.idList({ required: true, description: "Officials on the team; the lead is added if left out." }),
      lead: t.id({ required: true }),
    }),
  });
  const FollowUpInput = builder.inputType("InspectionFollowUpInput", {
    description: 'The "rõ" details of the task the finding opens in the inspected unit, assigned by the city.',
    fields: (t) => ({
      title: t.string({ required: true }),
      deliverable: t.string({ required: true }),
      expectedResult: t.string({ required: true }),
      deadline: t.field({ type: "Date", required: true }),
      leadOwner: t.id({ required: true }),
      responsibility: t.string({ description: "Needed when the 6 rõ checklist is configured." }),
      authority: t.string({ description: "Needed when the 6 rõ checklist is configured." }),
    }),
  });
  const FindingInput = builder.inputType("InspectionFindingInput", {
    fields: (t) => ({
      summary: t.string({ required: true }),
      severity: t.field({ type: SeverityEnum, required: true }),
      followUp: t.field({ type: FollowUpInput }),
    }),
  });
  const RecordInput = builder.inputType("RecordInspectionFindingsInput", {
    fields: (t) => ({ id: t.id({ required: true }), findings: t.field({ type: [FindingInput], required: true }) }),
  });

  builder.mutationFields((t) => ({
    planInspection: t.authenticated.field({
      type: InspectionRef,
      description: "The city (a city admin or an inspector) plans an inspection of a ward.",
      args: { input: t.arg({ type: PlanInput, required: true }) },
      errors: payload("inspection", ...ERRORS),
      resolve: async (_root, { input }, ctx) => {
        const parsed = parseInput(planInspectionInput, input);
        if (parsed instanceof ValidationError) throw parsed;
        return valueOrThrow(await deps.inspectionCommands.plan(parsed, callerOf(ctx)));
      },
    }),
    recordInspectionFindings: t.authenticated.field({
      type: InspectionRef,
      description:
        "Records the findings and, for each follow-up, opens an assigned task in the inspected unit. Retrying with the same findings opens nothing twice.",
      args: { input: t.arg({ type: RecordInput, required: true }) },
      errors: payload("inspection", ...ERRORS),
      resolve: async (_root, { input }, ctx) => {
        const parsed = parseInput(recordFindingsInput, input);
        if (parsed instanceof ValidationError) throw parsed;
        const findings = parsed.findings.map(({ followUp, ...finding }) => (followUp ? { ...finding, followUp } : finding));
        return valueOrThrow(await deps.inspectionCommands.recordFindings(parsed.id, findings, callerOf(ctx)));
      },
    }),
  }));

  return { InspectionRef };
}
