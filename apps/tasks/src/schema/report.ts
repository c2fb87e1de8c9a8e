import { mayReadUnit } from "@lienthong/auth/principal";
import type { Clock } from "@lienthong/calendar/clock";
import { valueOrThrow } from "@lienthong/subgraph/domain-errors";
import { summarise, taskReport, type TaskSummary, type UnitSummary } from "../reports/task-report";
import { readScopeOf } from "../tasks/read-scope";
import type { TaskQueries } from "../tasks/task-store";
import type { TasksBuilder } from "./builder";
import type { ExternalRefs } from "./refs";
import type { TaskTypes } from "./task";

export function addReportSchema(builder: TasksBuilder, refs: ExternalRefs, types: TaskTypes, deps: { tasks: TaskQueries; clock: Clock }) {
  const SummaryRef = builder.objectRef<TaskSummary>("TaskSummary").implement({
    description: "Tasks in the official reporting buckets (drafts and cancelled tasks are in none).",
    fields: (t) => ({
      doneOnTime: t.exposeInt("doneOnTime"),
      doneLate: t.exposeInt("doneLate"),
      inProgressWithinDeadline: t.exposeInt("inProgressWithinDeadline"),
      overdueNotDone: t.exposeInt("overdueNotDone"),
      total: t.exposeInt("total"),
      overdueShare: t.exposeFloat("overdueShare", { description: "overdueNotDone / total, 0 when there are no tasks: the key indicator." }),
    }),
  });
  const UnitSummaryRef = builder.objectRef<UnitSummary>("UnitTaskSummary").implement({
    fields: (t) => ({
      unit: t.field({ type: refs.UnitRef, resolve: (row) => ({ code: row.unit }) }),
      summary: t.field({ type: SummaryRef, resolve: (row) => row.summary }),
    }),
  });

  builder.objectField(refs.UnitRef, "taskSummary", (t) =>
    t.authenticated.field({
      type: SummaryRef,
      nullable: true,
      description: "Null when you may not read this unit's tasks.",
      args: { from: t.arg({ type: "Date" }), to: t.arg({ type: "Date" }) },
      resolve: async (unit, args, ctx) => {
        if (!mayReadUnit(ctx.principal, unit.code)) return null;
        const counts = await deps.tasks.buckets({
          now: deps.clock.now(),
          units: [unit.code],
          ...(args.from ? { deadlineFrom: args.from } : {}),
          ...(args.to ? { deadlineTo: args.to } : {}),
        });
        return summarise(counts);
      },
    }),
  );

  builder.objectField(types.ProgrammeRef, "summary", (t) =>
    t.authenticated.field({
      type: SummaryRef,
      description: "Counts only the tasks you may read: a ward officer sees their ward's share of a city programme.",
      resolve: async (programme, _args, ctx) => {
        const scope = readScopeOf(ctx.principal);
        return summarise(await deps.tasks.buckets({ now: deps.clock.now(), programmeId: programme.id, ...(scope ? { scope } : {}) }));
      },
    }),
  );

  builder.queryField("taskReport", (t) =>
    t.authenticated.field({
      type: [UnitSummaryRef],
      description:
        "One row per unit in the official buckets, for tasks whose deadline falls within [from, to]. Without units: every unit you may read that has tasks.",
      args: { units: t.arg.idList(), from: t.arg({ type: "Date" }), to: t.arg({ type: "Date" }) },
      resolve: async (_root, args, ctx) =>
        valueOrThrow(
          await taskReport(
            deps.tasks,
            ctx.principal,
            {
              ...(args.units ? { units: args.units.map(String) } : {}),
              ...(args.from ? { from: args.from } : {}),
              ...(args.to ? { to: args.to } : {}),
            },
            deps.clock.now(),
          ),
        ),
    }),
  );
}
