import { z } from "zod";
import type { Clock } from "@lienthong/calendar/clock";
import type { SubgraphOptions } from "@lienthong/subgraph/create-subgraph";
import { recommendationCsv, recommendationReport } from "../supervision/recommendation-report";
import type { RecommendationQueries } from "../supervision/recommendation-store";
import { addCsvReport, unitsParameter } from "./csv-report";

/** GET /reports/recommendations.csv?units=26740,27592 — the recommendationReport query as CSV, same auth. */
export function addRecommendationReportRoutes(deps: {
  recommendations: RecommendationQueries;
  clock: Clock;
}): NonNullable<SubgraphOptions["routes"]> {
  return (app) =>
    addCsvReport(app, {
      path: "/reports/recommendations.csv",
      filename: "recommendations-report.csv",
      query: z.object({ units: unitsParameter }),
      produce: async (principal, query) => {
        const report = await recommendationReport(deps.recommendations, principal, query.units, deps.clock.now());
        return report.ok ? { ok: true, value: recommendationCsv(report.value) } : report;
      },
    });
}
