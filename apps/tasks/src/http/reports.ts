import { z } from "zod";
import type { Clock } from "@lienthong/calendar/clock";
import type { SubgraphOptions } from "@lienthong/subgraph/create-subgraph";
import { reportCsv, taskReport } from "../reports/task-report";
import type { TaskQueries } from "../tasks/task-store";

const date = z.iso.date({ error: "must be a date written YYYY-MM-DD" });
const querySchema = z.object({
  units: z
    .string()
    .regex(/^\d{5}(,\d{5})*$/, "must be comma-separated 5-digit unit codes")
    .transform((value) => value.split(","))
    .optional(),
  from: date.optional(),
  to: date.optional(),
});

/** GET /reports/tasks.csv?units=26740,27592&from=2026-01-01&to=2026-12-31 — the taskReport query as CSV, same auth. */
export function addReportRoutes(deps: { tasks: TaskQueries; clock: Clock }): NonNullable<SubgraphOptions["routes"]> {
  return (app) => {
    app.get("/reports/tasks.csv", async (c) => {
      const principal = c.var.principal;
      if (principal === null) return c.json({ error: { code: "UNAUTHENTICATED", message: "Authentication required." } }, 401);
      const parsed = querySchema.safeParse(c.req.query());
      if (!parsed.success) {
        const fields = parsed.error.issues.map((issue) => ({ path: issue.path.map(String), message: issue.message }));
        return c.json({ error: { code: "VALIDATION", message: "The query is invalid.", fields } }, 400);
      }
      const request = Object.fromEntries(Object.entries(parsed.data).filter(([, value]) => value !== undefined));
      const report = await taskReport(deps.tasks, principal, request, deps.clock.now());
      if (!report.ok) return c.json({ error: { code: report.error.code, message: report.error.message } }, 403);
      return c.body(reportCsv(report.value), 200, {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": 'attachment; filename="tasks-report.csv"',
      });
    });
  };
}
