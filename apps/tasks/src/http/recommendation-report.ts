import { z } from "zod";
import type { Clock } from "@lienthong/calendar/clock";
import type { SubgraphOptions } from "@lienthong/subgraph/create-subgraph";
import { recommendationCsv, recommendationReport } from "../supervision/recommendation-report";
import type { RecommendationQueries } from "../supervision/recommendation-store";

const querySchema = z.object({
  units: z
    .string()
    .regex(/^\d{5}(,\d{5})*$/, "must be comma-separated 5-digit unit codes")
    .transform((value) => value.split(","))
    .optional(),
});

/** GET /reports/recommendations.csv?units=26740,27592 — the recommendationReport query as CSV, same auth. */
export function addRecommendationReportRoutes(deps: { recommendations: RecommendationQueries; clock: Clock }): NonNullable<SubgraphOptions["routes"]> {
  return (app) => {
    app.get("/reports/recommendations.csv", async (c) => {
      const principal = c.var.principal;
      if (principal === null) return c.json({ error: { code: "UNAUTHENTICATED", message: "Authentication required." } }, 401);
      const parsed = querySchema.safeParse(c.req.query());
      if (!parsed.success) {
        const fields = parsed.error.issues.map((issue) => ({ path: issue.path.map(String), message: issue.message }));
        return c.json({ error: { code: "VALIDATION", message: "The query is invalid.", fields } }, 400);
      }
      const report = await recommendationReport(deps.recommendations, principal, parsed.data.units, deps.clock.now());
      if (!report.ok) return c.json({ error: { code: report.error.code, message: report.error.message } }, 403);
      return c.body(recommendationCsv(report.value), 200, {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": 'attachment; filename="recommendations-report.csv"',
      });
    });
  };
}
