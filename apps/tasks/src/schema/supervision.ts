import { mayReadUnit, type Principal } from "@lienthong/auth/principal";
import type { Clock } from "@lienthong/calendar/clock";
import { SUPERVISION_FORMS } from "@lienthong/contracts/tasks";
import { resolveOffsetPage } from "@lienthong/subgraph/connections";
import { isRecommendationOverdueAt } from "../supervision/recommendation";
import type { RecommendationFilter, RecommendationQueries, StoredRecommendation } from "../supervision/recommendation-store";
import { mayReadSupervised, type Supervision } from "../supervision/supervision";
import type { SupervisionCommands } from "../supervision/supervision-commands";
import type { SupervisionFilter, SupervisionQueries } from "../supervision/supervision-store";
import { readScopeOf } from "../tasks/read-scope";
import type { TasksBuilder } from "./builder";
import type { ExternalRefs } from "./refs";

export interface SupervisionSchemaDeps {
  clock: Clock;
  supervisions: SupervisionQueries;
  recommendations: RecommendationQueries;
  supervisionCommands: SupervisionCommands;
}

/** The units a list may show: the one asked for if readable, else the caller's (undefined = every unit). */
function unitsFor(principal: Principal, unit?: string): string[] | undefined {
  if (unit !== undefined) return mayReadUnit(principal, unit) ? [unit] : [];
  return readScopeOf(principal)?.units;
}

export function addSupervisionSchema(builder: TasksBuilder, refs: ExternalRefs, deps: SupervisionSchemaDeps) {
  const { UnitRef } = refs;
  const FormEnum = builder.enumType("SupervisionForm", { values: SUPERVISION_FORMS });
  const SupervisionRef = builder.objectRef<Supervision>("Supervision");
  const RecommendationRef = builder.objectRef<StoredRecommendation>("Recommendation").implement({
    description: "A recommendation (kiến nghị) the supervised body must answer by its due date.",
    fields: (t) => ({
      id: t.exposeID("id"),
      supervision: t.field({ type: SupervisionRef, nullable: true, resolve: (r) => deps.supervisions.byId(r.supervisionId) }),
      supervisedBody: t.field({ type: UnitRef, resolve: (r) => ({ code: r.supervisedBody }) }),
      content: t.exposeString("content"),
      answerDueDate: t.expose("answerDueDate", {
        type: "Date",
        description: "A date in Vietnam; overdue once that day has ended unanswered.",
      }),
      issuedAt: t.expose("issuedAt", { type: "DateTime" }),
      answered: t.boolean({ resolve: (r) => r.status === "ANSWERED" }),
      answer: t.exposeString("answer", { nullable: true }),
      answeredAt: t.expose("answeredAt", { type: "DateTime", nullable: true }),
      answeredOnTime: t.exposeBoolean("answeredOnTime", { nullable: true }),
      overdue: t.boolean({
        description: "Unanswered after the due day ended in Vietnam.",
        resolve: (r) => isRecommendationOverdueAt(r, deps.clock.now()),
      }),
    }),
  });
  type PageArgs = { overdue?: boolean | null; first?: number | null; after?: string | null };
  const recommendationsPage = async (args: PageArgs, scope: Omit<RecommendationFilter, "now" | "bucket">) => {
    const filter: RecommendationFilter = {
      now: deps.clock.now(),
      ...scope,
      ...(args.overdue == null ? {} : { bucket: args.overdue ? "overdue" : "open" }),
    };
    return resolveOffsetPage(args, await deps.recommendations.count(filter), (window) => deps.recommendations.list(filter, window));
  };
  const overdueArg = "true: unanswered and overdue; false: unanswered within the due date.";

  SupervisionRef.implement({
    description: "A supervision (giám sát) by the Front of a unit's authorities over a period.",
    fields: (t) => ({
      id: t.exposeID("id"),
      subject: t.exposeString("subject"),
      supervisedBody: t.field({ type: UnitRef, resolve: (s) => ({ code: s.supervisedBody }) }),
      form: t.expose("form", { type: FormEnum }),
      periodFrom: t.expose("periodFrom", { type: "Date" }),
      periodTo: t.expose("periodTo", { type: "Date" }),
      startedBy: t.exposeString("startedBy", { description: "Name of the official who started it." }),
      recommendations: t.connection({
        type: RecommendationRef,
        description: "Its recommendations, nearest due date first.",
        args: { overdue: t.arg.boolean({ description: overdueArg }) },
        resolve: (s, args) => recommendationsPage(args, { supervisionId: s.id }),
      }),
    }),
  });

  const readableSupervision = async (principal: Principal, id: string) => {
    const supervision = await deps.supervisions.byId(id);
    return supervision && mayReadSupervised(principal, supervision.supervisedBody) ? supervision : null;
  };
  const supervisionsPage = async (principal: Principal, args: { first?: number | null; after?: string | null }, unit?: string) => {
    const units = unitsFor(principal, unit);
    const filter: SupervisionFilter = units ? { units } : {};
    return resolveOffsetPage(args, await deps.supervisions.count(filter), (window) => deps.supervisions.list(filter, window));
  };

  builder.queryFields((t) => ({
    supervision: t.authenticated.field({
      type: SupervisionRef,
      nullable: true,
      description: "Null when there is no such supervision or you may not read it.",
      args: { id: t.arg.id({ required: true }) },
      resolve: (_root, { id }, ctx) => readableSupervision(ctx.principal, String(id)),
    }),
    supervisions: t.authenticated.connection({
      type: SupervisionRef,
      description: "Supervisions you may read, latest period first.",
      args: { unit: t.arg.id() },
      resolve: (_root, args, ctx) => supervisionsPage(ctx.principal, args, args.unit ? String(args.unit) : undefined),
    }),
    recommendation: t.authenticated.field({
      type: RecommendationRef,
      nullable: true,
      description: "Null when there is no such recommendation or you may not read it.",
      args: { id: t.arg.id({ required: true }) },
      resolve: async (_root, { id }, ctx) => {
        const recommendation = await deps.recommendations.byId(String(id));
        return recommendation && mayReadSupervised(ctx.principal, recommendation.supervisedBody) ? recommendation : null;
      },
    }),
  }));

  builder.objectField(UnitRef, "supervisions", (t) =>
    t.authenticated.connection({
      type: SupervisionRef,
      description: "Supervisions of this unit's authorities you may read, latest period first.",
      resolve: (unit, args, ctx) => supervisionsPage(ctx.principal, args, unit.code),
    }),
  );
  builder.objectField(UnitRef, "recommendations", (t) =>
    t.authenticated.connection({
      type: RecommendationRef,
      description: "Recommendations to this unit you may read, nearest due date first.",
      args: { overdue: t.arg.boolean({ description: overdueArg }) },
      resolve: (unit, args, ctx) => recommendationsPage(args, { units: unitsFor(ctx.principal, unit.code) ?? [] }),
    }),
  );

  return { SupervisionRef, RecommendationRef, FormEnum };
}

export type SupervisionTypes = ReturnType<typeof addSupervisionSchema>;
