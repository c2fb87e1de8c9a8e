import { mayReadUnit } from "@lienthong/auth/principal";
import type { Clock } from "@lienthong/calendar/clock";
import { valueOrThrow } from "@lienthong/subgraph/domain-errors";
import {
  recommendationReport,
  summariseRecommendations,
  type RecommendationSummary,
  type UnitRecommendationSummary,
} from "../supervision/recommendation-report";
import type { RecommendationQueries } from "../supervision/recommendation-store";
import type { TasksBuilder } from "./builder";
import type { ExternalRefs } from "./refs";

export function addRecommendationReportSchema(
  builder: TasksBuilder,
  refs: ExternalRefs,
  deps: { recommendations: RecommendationQueries; clock: Clock },
) {
  const SummaryRef = builder.objectRef<RecommendationSummary>("RecommendationSummary").implement({
    description: "Recommendations issued to a unit, counted like tasks: answered, open within the due date, overdue and unanswered.",
    fields: (t) => ({
      issued: t.exposeInt("issued"),
      answered: t.exposeInt("answered"),
      open: t.exposeInt("open", { description: "Unanswered, due day not yet ended." }),
      overdue: t.exposeInt("overdue", { description: "Unanswered after the due day ended in Vietnam." }),
      overdueShare: t.exposeFloat("overdueShare", { description: "overdue / issued, 0 when none were issued." }),
    }),
  });
  const UnitSummaryRef = builder.objectRef<UnitRecommendationSummary>("UnitRecommendationSummary").implement({
    fields: (t) => ({
      unit: t.field({ type: refs.UnitRef, resolve: (row) => ({ code: row.unit }) }),
      summary: t.field({ type: SummaryRef, resolve: (row) => row.summary }),
    }),
  });

  builder.objectField(refs.UnitRef, "recommendationSummary", (t) =>
    t.authenticated.field({
      type: SummaryRef,
      nullable: true,
      description: "Null when you may not read this unit's recommendations.",
      resolve: async (unit, _args, ctx) => {
        if (!mayReadUnit(ctx.principal, unit.code)) return null;
        return summariseRecommendations(await deps.recommendations.counts({ now: deps.clock.now(), units: [unit.code] }));
      },
    }),
  );

  builder.queryField("recommendationReport", (t) =>
    t.authenticated.field({
      type: [UnitSummaryRef],
      description: "One row per supervised unit. Without units: every unit you may read that has recommendations.",
      args: { units: t.arg.idList() },
      resolve: async (_root, args, ctx) =>
        valueOrThrow(await recommendationReport(deps.recommendations, ctx.principal, args.units?.map(String), deps.clock.now())),
    }),
  );
}
