import { connectJetStreamBus } from "@lienthong/bus/jetstream";
import type { EventBus } from "@lienthong/bus/event-bus";
import { buildEnvelope } from "@lienthong/contracts/registry";
import { startTypeScript, type TypeScriptProcess } from "@lienthong/testing/child-process";
import { startNatsServer } from "@lienthong/testing/nats-server";
import { describeLoad, runLoad, type LoadResult, type LoadRun } from "./load";
import { probeSent } from "./probe-event";
import { parseReport, READY_LINE, REPORT_PREFIX, type RunReport } from "./run-report";
import { formatCount, formatMs, percentile, rate, sortedCopy } from "./stats";
import type { Table } from "./table";
import { UNIT_CODES } from "./task-docs";
import { wallClockMs } from "./wall-clock";

const DURABLE = "bench.latency-probe";
const REPORT_TIMEOUT_MS = 120_000;

const RUNS: readonly LoadRun[] = [
  { name: "warmup", events: 2_000, load: { kind: "in-flight", limit: 64 }, shown: false },
  { name: "full-speed", events: 20_000, load: { kind: "in-flight", limit: 256 }, shown: true },
  { name: "paced-2000", events: 10_000, load: { kind: "paced", perSecond: 2_000 }, shown: true },
  { name: "paced-500", events: 2_000, load: { kind: "paced", perSecond: 500 }, shown: true },
];

interface RunResult {
  run: LoadRun;
  publish: LoadResult;
  firstSentAt: number;
  report: RunReport;
}

function publishProbe(bus: EventBus, run: LoadRun, seq: number): Promise<void> {
  const envelope = buildEnvelope(probeSent, {
    aggregateId: `probe-${run.name}`,
    aggregateVersion: seq + 1,
    data: { run: run.name, seq, total: run.events, sentAtMicros: Math.round(wallClockMs() * 1000) },
    time: new Date(),
    context: { actor: "bench", correlationid: run.name, unit: UNIT_CODES[seq % UNIT_CODES.length] as string },
  });
  return bus.publish(envelope);
}

async function executeRun(bus: EventBus, consumer: TypeScriptProcess, run: LoadRun): Promise<RunResult> {
  const firstSentAt = wallClockMs();
  const publish = (seq: number) => publishProbe(bus, run, seq);
  const result = await runLoad(run.load, run.events, publish);
  const report = parseReport(await consumer.waitForLine(REPORT_PREFIX, { timeoutMs: REPORT_TIMEOUT_MS }));
  if (report.run !== run.name || report.received !== run.events) {
    throw new Error(`report: expected ${run.events} events of run ${run.name}, got ${report.received} of run ${report.run}`);
  }
  return { run, publish: result, firstSentAt, report };
}

function toRow({ run, publish, firstSentAt, report }: RunResult): string[] {
  const latencies = sortedCopy(report.latenciesMs);
  const publishLatencies = sortedCopy(publish.latenciesMs);
  return [
    run.name,
    formatCount(run.events),
    describeLoad(run.load),
    formatCount(rate(run.events, publish.elapsedMs)),
    formatCount(rate(run.events, report.lastReceivedAt - firstSentAt)),
    formatMs(percentile(publishLatencies, 50)),
    formatMs(percentile(latencies, 50)),
    formatMs(percentile(latencies, 95)),
    formatMs(percentile(latencies, 99)),
    formatMs(percentile(latencies, 100)),
    formatCount(report.duplicates),
  ];
}

export async function runBusBench(): Promise<Table> {
  const server = await startNatsServer();
  const consumer = startTypeScript(new URL("./consumer-process.ts", import.meta.url), {
    args: ["--url", server.url, "--durable", DURABLE, "--subject", `lt.${probeSent.service}.>`],
  });
  const results: RunResult[] = [];
  try {
    await consumer.waitForLine(new RegExp(`^${READY_LINE}$`), { timeoutMs: 30_000 });
    const bus = await connectJetStreamBus({ servers: server.url, name: "bench-publisher" });
    try {
      for (const run of RUNS) results.push(await executeRun(bus, consumer, run));
    } finally {
      await bus.close();
    }
  } finally {
    await consumer.stop();
    await server.stop();
  }
  return {
    title: `bus — NATS JetStream ${server.version}, publisher and consumer in two processes (file stream, explicit ack)`,
    columns: [
      { header: "run", align: "left" },
      { header: "events" },
      { header: "load", align: "left" },
      { header: "publish/s" },
      { header: "delivered/s" },
      { header: "ack p50 ms" },
      { header: "e2e p50 ms" },
      { header: "p95 ms" },
      { header: "p99 ms" },
      { header: "max ms" },
      { header: "dup" },
    ],
    rows: results.filter((result) => result.run.shown).map(toRow),
    note:
      `measured: EventBus.publish of ${probeSent.type} (await the JetStream ack) → durable ${DURABLE} in a child process (pull, ack after handler); ` +
      "e2e = receive time − publish time carried in the event (same machine clock); delivered/s = events / (last receipt − first publish); ack = publish call to ack.",
  };
}
