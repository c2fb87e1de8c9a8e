import { mayReadUnit, type Principal } from "@lienthong/auth/principal";
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
import { z } from "zod";
import { dateSchema, optionalInput, textSchema, unitSchema } from "@lienthong/subgraph/input-fields";
import { CITY_UNIT } from "../programmes/issuing-unit";
import type { ActionProgramme } from "../programmes/programme";
import type { ProgrammeCommands } from "../programmes/programme-commands";
import type { ProgrammeFilter, ProgrammeQueries } from "../programmes/programme-store";
import { readScopeOf } from "../tasks/read-scope";
import { callerOf } from "./access";
import type { TasksBuilder } from "./builder";
import type { ExternalRefs } from "./refs";
import type { TaskTypes } from "./task";

const text = textSchema;
const date = dateSchema;
const optional = optionalInput;
const target = z.object({
  indicator: text(500),
  baseline: optional(z.number()),
  targetValue: z.number(),
  unitOfMeasure: text(50),
  period: optional(text(100)),
});
const details = {
  title: text(500),
  term: optional(text(50)),
  periodFrom: optional(date),
  periodTo: optional(date),
  sourceDocument: z.object({ number: text(100), date, issuer: text(300), summary: text(5000) }),
  sourceCongressId: optional(text(100)),
  targets: z.array(target).max(100, "Chỉ ghi tối đa 100 chỉ tiêu."),
};
const createInput = z.object({ issuingUnit: optional(unitSchema), ...details });
const updateInput = z.object({
  id: text(100),
  title: optional(details.title),
  term: details.term,
  periodFrom: details.periodFrom,
  periodTo: details.periodTo,
  sourceDocument: optional(details.sourceDocument),
  sourceCongressId: details.sourceCongressId,
  targets: optional(details.targets),
});
const closeInput = z.object({ id: text(100), reason: text(2000) });
const ERRORS = [ValidationError, NotAllowedError, NotFoundError, InvalidTransitionError, ConflictError];

function mayReadProgramme(principal: Principal, programme: ActionProgramme): boolean {
  return programme.issuingUnit === CITY_UNIT || mayReadUnit(principal, programme.issuingUnit);
}

export function addProgrammeSchema(
  builder: TasksBuilder,
  refs: ExternalRefs,
  types: TaskTypes,
  deps: { programmes: ProgrammeQueries; commands: ProgrammeCommands },
) {
  const TargetRef = builder.objectRef<ActionProgramme["targets"][number]>("ProgrammeTarget").implement({
    fields: (t) => ({
      indicator: t.exposeString("indicator"),
      baseline: t.exposeFloat("baseline", { nullable: true }),
      targetValue: t.exposeFloat("targetValue"),
      unitOfMeasure: t.exposeString("unitOfMeasure"),
      period: t.exposeString("period", { nullable: true }),
    }),
  });
  const SourceRef = builder.objectRef<ActionProgramme["sourceDocument"]>("SourceDocument").implement({
    fields: (t) => ({
      number: t.exposeString("number"),
      date: t.expose("date", { type: "Date" }),
      issuer: t.exposeString("issuer"),
      summary: t.exposeString("summary"),
    }),
  });

  types.ProgrammeRef.implement({
    description: "An action programme (chương trình hành động) turning a resolution into tasks.",
    fields: (t) => ({
      id: t.exposeID("id"),
      title: t.exposeString("title"),
      issuingUnit: t.field({
        type: refs.UnitRef,
        nullable: true,
        description: "Null for the city committee's own programmes.",
        resolve: (p) => (p.issuingUnit === CITY_UNIT ? null : { code: p.issuingUnit }),
      }),
      term: t.exposeString("term", { nullable: true }),
      periodFrom: t.expose("periodFrom", { type: "Date", nullable: true }),
      periodTo: t.expose("periodTo", { type: "Date", nullable: true }),
      sourceDocument: t.field({ type: SourceRef, resolve: (p) => p.sourceDocument }),
      sourceCongressId: t.exposeID("sourceCongressId", { nullable: true }),
      targets: t.field({ type: [TargetRef], resolve: (p) => p.targets }),
      closed: t.boolean({ resolve: (p) => p.status === "CLOSED" }),
      closedReason: t.exposeString("closedReason", { nullable: true }),
    }),
  });

  builder.queryFields((t) => ({
    actionProgramme: t.authenticated.field({
      type: types.ProgrammeRef,
      nullable: true,
      args: { id: t.arg.id({ required: true }) },
      resolve: async (_root, { id }, ctx) => {
        const programme = (await deps.programmes.byIds([String(id)])).get(String(id));
        return programme && mayReadProgramme(ctx.principal, programme) ? programme : null;
      },
    }),
    programmes: t.authenticated.connection({
      type: types.ProgrammeRef,
      description: "Programmes you may read: the city's and those of your units (all, at city level).",
      args: { issuingUnit: t.arg.id(), closed: t.arg.boolean() },
      resolve: async (_root, args, ctx) => {
        const scope = readScopeOf(ctx.principal);
        const readable = scope ? [CITY_UNIT, ...scope.units] : undefined;
        const wanted = args.issuingUnit ? [String(args.issuingUnit)] : readable;
        const filter: ProgrammeFilter = {
          ...(wanted ? { issuingUnits: readable ? wanted.filter((unit) => readable.includes(unit)) : wanted } : {}),
          ...(args.closed == null ? {} : { status: args.closed ? "CLOSED" : "ACTIVE" }),
        };
        return resolveOffsetPage(args, await deps.programmes.count(filter), (window) => deps.programmes.list(filter, window));
      },
    }),
  }));

  const TargetInput = builder.inputType("ProgrammeTargetInput", {
    fields: (t) => ({
      indicator: t.string({ required: true }),
      baseline: t.float(),
      targetValue: t.float({ required: true }),
      unitOfMeasure: t.string({ required: true }),
      period: t.string(),
    }),
  });
  const SourceInput = builder.inputType("SourceDocumentInput", {
    fields: (t) => ({
      number: t.string({ required: true }),
      date: t.field({ type: "Date", required: true }),
      issuer: t.string({ required: true }),
      summary: t.string({ required: true }),
    }),
  });
  const CreateInput = builder.inputType("CreateActionProgrammeInput", {
    fields: (t) => ({
      issuingUnit: t.id({ description: "5-digit code; leave out for a city committee programme (city admins only)." }),
      title: t.string({ required: true }),
      term: t.string(),
      periodFrom: t.field({ type: "Date" }),
      periodTo: t.field({ type: "Date" }),
      sourceDocument: t.field({ type: SourceInput, required: true }),
      sourceCongressId: t.id(),
      targets: t.field({ type: [TargetInput], required: true }),
    }),
  });
  const UpdateInput = builder.inputType("UpdateActionProgrammeInput", {
    fields: (t) => ({
      id: t.id({ required: true }),
      title: t.string(),
      term: t.string(),
      periodFrom: t.field({ type: "Date" }),
      periodTo: t.field({ type: "Date" }),
      sourceDocument: t.field({ type: SourceInput }),
      sourceCongressId: t.id(),
      targets: t.field({ type: [TargetInput] }),
    }),
  });
  const CloseInput = builder.inputType("CloseActionProgrammeInput", {
    fields: (t) => ({ id: t.id({ required: true }), reason: t.string({ required: true }) }),
  });

  builder.mutationFields((t) => ({
    createActionProgramme: t.authenticated.field({
      type: types.ProgrammeRef,
      args: { input: t.arg({ type: CreateInput, required: true }) },
      errors: payload("actionProgramme", ...ERRORS),
      resolve: async (_root, { input }, ctx) => {
        const parsed = parseInput(createInput, input);
        if (parsed instanceof ValidationError) throw parsed;
        const { issuingUnit, ...rest } = parsed;
        return valueOrThrow(await deps.commands.create(issuingUnit ?? CITY_UNIT, defined(rest), callerOf(ctx)));
      },
    }),
    updateActionProgramme: t.authenticated.field({
      type: types.ProgrammeRef,
      args: { input: t.arg({ type: UpdateInput, required: true }) },
      errors: payload("actionProgramme", ...ERRORS),
      resolve: async (_root, { input }, ctx) => {
        const parsed = parseInput(updateInput, input);
        if (parsed instanceof ValidationError) throw parsed;
        const { id, ...changes } = parsed;
        return valueOrThrow(await deps.commands.update(id, defined(changes), callerOf(ctx)));
      },
    }),
    closeActionProgramme: t.authenticated.field({
      type: types.ProgrammeRef,
      args: { input: t.arg({ type: CloseInput, required: true }) },
      errors: payload("actionProgramme", ...ERRORS),
      resolve: async (_root, { input }, ctx) => {
        const parsed = parseInput(closeInput, input);
        if (parsed instanceof ValidationError) throw parsed;
        return valueOrThrow(await deps.commands.close(parsed.id, parsed.reason, callerOf(ctx)));
      },
    }),
  }));
}

/** Drops fields left out, deeply enough for targets (optional numbers) and the top level. */
function defined<T extends object>(value: T): T {
  const strip = (entry: unknown): unknown =>
    Array.isArray(entry)
      ? entry.map(strip)
      : entry !== null && typeof entry === "object"
        ? Object.fromEntries(
            Object.entries(entry)
              .filter(([, v]) => v !== undefined)
              .map(([k, v]) => [k, strip(v)]),
          )
        : entry;
  return strip(value) as T;
}
