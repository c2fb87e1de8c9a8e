import { z } from "zod";
import { dateSchema } from "@lienthong/subgraph/input-fields";
import type { Clock } from "@lienthong/calendar/clock";
import type { SubgraphOptions } from "@lienthong/subgraph/create-subgraph";
import { reportCsv, taskReport } from "../reports/task-report";
import type { TaskQueries } from "../tasks/task-store";
import { addCsvReport, unitsParameter } from "./csv-report";

const querySchema = z.object({ units: unitsParameter, from: dateSchema.optional(), to: dateSchema.optional() });

/** GET /reports/tasks.csv?units=26740,27592&from=2026-01-01&to=2026-12-31 — the taskReport query as CSV, same auth. */
export function addReportRoutes(deps: { tasks: TaskQueries; clock: Clock }): NonNullable<SubgraphOptions["routes"]> {
  return (app) =>
    addCsvReport(app, {
      path: "/reports/tasks.csv",
      filename: "tasks-report.csv",
      query: querySchema,
      produce: async (principal, query) => {
        const request = Object.fromEntries(Object.entries(query).filter(([, value]) => value !== undefined));
        const report = await taskReport(deps.tasks, principal, request, deps.clock.now());
        return report.ok ? { ok: true, value: reportCsv(report.value) } : report;
      },
    });
}
