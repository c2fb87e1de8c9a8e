import { measureProgressCommands } from "./progress-commands";
import { formatCount, formatMs, formatRate, percentile, rate, sortedCopy } from "./stats";
import { measureSummaryQueries } from "./summary-queries";
import type { Table } from "./table";
import type { TasksMeasurement } from "./tasks-measurement";

function toRow(measurement: TasksMeasurement): string[] {
  const sorted = sortedCopy(measurement.load.latenciesMs);
  return [
    measurement.operation,
    measurement.tasks,
    String(measurement.inFlight),
    formatCount(measurement.load.operations),
    formatRate(rate(measurement.load.operations, measurement.load.elapsedMs)),
    formatMs(percentile(sorted, 50)),
    formatMs(percentile(sorted, 95)),
    formatMs(percentile(sorted, 99)),
    formatMs(percentile(sorted, 100)),
    measurement.outcome,
  ];
}

export async function runTasksBench(): Promise<Table> {
  const measurements = [...(await measureProgressCommands()), ...(await measureSummaryQueries())];
  return {
    title: "tasks — commands through the gateway, bucket reports over a filled store",
    columns: [
      { header: "operation", align: "left" },
      { header: "tasks", align: "left" },
      { header: "in flight" },
      { header: "calls" },
      { header: "calls/s" },
      { header: "p50 ms" },
      { header: "p95 ms" },
      { header: "p99 ms" },
      { header: "max ms" },
      { header: "outcome", align: "left" },
    ],
    rows: measurements.map(toRow),
    note:
      "measured: reportTaskProgress = GraphQL over HTTP from this process to the all-in-one platform (gateway → tasks subgraph, embedded store and bus, fsync batch) in a child process, " +
      "after 200 warm-up commands; each is an optimistic-concurrency write on one task (CONFLICT = still losing after the repository's retries). " +
      "Unit.taskSummary and taskReport = the tasks subgraph in-process (fetch handler, no network) over an embedded store filled with stored task aggregates, " +
      "1 at a time after warm-up calls; taskSummary is asked as the gateway asks it (_entities on Unit); latency = request to parsed response.",
  };
}
