import { performance } from "node:perf_hooks";
import { runBusBench } from "./bus-bench";
import { describeMachine } from "./machine";
import { runNotificationsBench } from "./notifications-bench";
import { runStoreBench } from "./store-bench";
import { runTasksBench } from "./tasks-bench";
import { renderTable, type Table } from "./table";

interface Scenario {
  name: string;
  summary: string;
  run: () => Promise<Table>;
}

const SCENARIOS: readonly Scenario[] = [
  { name: "store", summary: "embedded store: inserts, updates, indexed finds and counts at 10k and 100k tasks", run: runStoreBench },
  { name: "bus", summary: "NATS JetStream: publish → consume latency and throughput between two processes", run: runBusBench },
  {
    name: "tasks",
    summary: "tasks service: reportTaskProgress through the gateway, Unit.taskSummary at 10k and 100k tasks",
    run: runTasksBench,
  },
  {
    name: "notifications",
    summary: "notifications service: taskAssigned events through the pipeline over nats-server, publish → live feed latency",
    run: runNotificationsBench,
  },
];

const USAGE = `usage: pnpm bench [-- scenario ...]   (default: all)\n${SCENARIOS.map((s) => `  ${s.name.padEnd(13)} ${s.summary}`).join("\n")}\n`;

/** The scenarios named on the command line, in the order given; all of them when none is named. */
function selectScenarios(args: readonly string[]): Scenario[] | string {
  const names = args.filter((arg) => arg !== "--");
  if (names.length === 0) return [...SCENARIOS];
  const unknown = names.filter((name) => !SCENARIOS.some((scenario) => scenario.name === name));
  if (unknown.length > 0)
    return `scenario: unknown ${unknown.map((name) => `"${name}"`).join(", ")}; expected one of ${SCENARIOS.map((s) => s.name).join(", ")}`;
  return names.map((name) => SCENARIOS.find((scenario) => scenario.name === name) as Scenario);
}

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  if (args.includes("--help") || args.includes("-h")) {
    process.stdout.write(USAGE);
    return 0;
  }
  const selected = selectScenarios(args);
  if (typeof selected === "string") {
    process.stderr.write(`${selected}\n\n${USAGE}`);
    return 2;
  }
  process.stdout.write(describeMachine(new Date()) + "\n");
  for (const scenario of selected) {
    process.stdout.write(`running ${scenario.name}: ${scenario.summary}\n`);
    const started = performance.now();
    const table = await scenario.run();
    process.stdout.write(`(${((performance.now() - started) / 1000).toFixed(1)} s)\n\n${renderTable(table)}\n`);
  }
  return 0;
}

process.exitCode = await main();
