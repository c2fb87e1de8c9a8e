import { performance } from "node:perf_hooks";
import { signDevToken } from "@lienthong/auth/dev-token";
import { connectJetStreamBus } from "@lienthong/bus/jetstream";
import type { EventBus } from "@lienthong/bus/event-bus";
import { startNatsServer } from "@lienthong/testing/nats-server";
import { createArrivalLog, type ArrivalLog, type PhaseArrivals } from "./arrival-log";
import { watchFeeds } from "./feed-watcher";
import { describeLoad, runClosedLoop, runLoad, type LoadResult, type LoadRun } from "./load";
import { benchTask, NOTIFICATIONS_PER_ASSIGNMENT, OFFICIALS, registration, taskAddition, taskAssignment } from "./notification-events";
import { startNotificationsProcess } from "./notifications-process";
import { formatCount, formatMs, percentile, rate, sortedCopy } from "./stats";
import type { Table } from "./table";

const AUTH_SECRET = "bench-notifications-secret-at-least-32-characters";
const SETTLE_TIMEOUT_MS = 120_000;

const RUNS: readonly LoadRun[] = [
  { name: "warmup", events: 200, load: { kind: "in-flight", limit: 32 }, shown: false },
  { name: "full-speed", events: 2_000, load: { kind: "in-flight", limit: 256 }, shown: true },
  { name: "paced-200", events: 1_200, load: { kind: "paced", perSecond: 200 }, shown: true },
  { name: "paced-50", events: 300, load: { kind: "paced", perSecond: 50 }, shown: true },
];

interface RunResult {
  run: LoadRun;
  publish: LoadResult;
  firstSentMs: number;
  arrivals: PhaseArrivals;
}

/** Every official registered; resolves when each one's welcome has reached their feed. */
async function registerOfficials(bus: EventBus, log: ArrivalLog): Promise<void> {
  await runClosedLoop(OFFICIALS.length, 32, (index) => bus.publish(registration(OFFICIALS[index] as (typeof OFFICIALS)[number])));
  await log.waitFor(OFFICIALS.length, SETTLE_TIMEOUT_MS, "welcomes");
  log.take();
}

/**
 * Announces every task the runs will assign (taskAdded: read model only, no notification), then one more
 * assignment: the tasks stream is consumed in order, so its notification means every addition is applied.
 */
async function addTasks(bus: EventBus, log: ArrivalLog): Promise<void> {
  const tasks = RUNS.flatMap((run) => Array.from({ length: run.events }, (_, seq) => benchTask(run.name, seq)));
  await runClosedLoop(tasks.length, 128, (index) => bus.publish(taskAddition(tasks[index] as (typeof tasks)[number])));
  const barrier = benchTask("barrier", 0);
  await bus.publish(taskAddition(barrier));
  await bus.publish(taskAssignment(barrier));
  await log.waitFor(NOTIFICATIONS_PER_ASSIGNMENT, SETTLE_TIMEOUT_MS, "task additions");
  log.take();
}

async function executeRun(bus: EventBus, log: ArrivalLog, run: LoadRun): Promise<RunResult> {
  const assignments = Array.from({ length: run.events }, (_, seq) => taskAssignment(benchTask(run.name, seq)));
  const publish = (seq: number) => {
    const envelope = assignments[seq];
    if (!envelope) throw new Error(`run ${run.name}: no event ${seq}`);
    log.sent(`${run.name}-${seq}`);
    return bus.publish(envelope);
  };
  const firstSentMs = performance.now();
  const result = await runLoad(run.load, run.events, publish);
  await log.waitFor(run.events * NOTIFICATIONS_PER_ASSIGNMENT, SETTLE_TIMEOUT_MS, `run ${run.name}`);
  return { run, publish: result, firstSentMs, arrivals: log.take() };
}

function toRow({ run, publish, firstSentMs, arrivals }: RunResult): string[] {
  const latencies = sortedCopy(arrivals.latenciesMs);
  const pipelineMs = arrivals.lastArrivalMs - firstSentMs;
  return [
    run.name,
    formatCount(run.events),
    describeLoad(run.load),
    formatCount(rate(run.events, publish.elapsedMs)),
    formatCount(rate(run.events, pipelineMs)),
    formatCount(rate(arrivals.received, pipelineMs)),
    formatMs(percentile(latencies, 50)),
    formatMs(percentile(latencies, 95)),
    formatMs(percentile(latencies, 99)),
    formatMs(percentile(latencies, 100)),
    formatCount(arrivals.duplicates),
  ];
}

export async function runNotificationsBench(): Promise<Table> {
  const server = await startNatsServer();
  const results: RunResult[] = [];
  try {
    const service = await startNotificationsProcess({ natsUrl: server.url, authSecret: AUTH_SECRET });
    try {
      const log = createArrivalLog();
      const tokens = new Map(
        await Promise.all(OFFICIALS.map(async (official) => [official.sub, await signDevToken(official, AUTH_SECRET)] as const)),
      );
      const feeds = await watchFeeds(
        service.url,
        tokens,
        (arrival) => log.arrive(arrival),
        (error) => log.fail(error),
      );
      const bus = await connectJetStreamBus({ servers: server.url, name: "bench-source-services" });
      try {
        await registerOfficials(bus, log);
        await addTasks(bus, log);
        for (const run of RUNS) results.push(await executeRun(bus, log, run));
      } finally {
        feeds.close();
        await bus.close();
      }
    } finally {
      await service.stop();
    }
  } finally {
    await server.stop();
  }
  return {
    title: `notifications — taskAssigned → feed over NATS JetStream ${server.version}, the service in its own process (embedded store, fsync batch)`,
    columns: [
      { header: "run", align: "left" },
      { header: "events" },
      { header: "load", align: "left" },
      { header: "publish/s" },
      { header: "events/s" },
      { header: "notifs/s" },
      { header: "e2e p50 ms" },
      { header: "p95 ms" },
      { header: "p99 ms" },
      { header: "max ms" },
      { header: "dup" },
    ],
    rows: results.filter((result) => result.run.shown).map(toRow),
    note:
      `measured: this process publishes the tasks service's taskAssigned (lead + 1 co-owner = ${NOTIFICATIONS_PER_ASSIGNMENT} notifications each) to JetStream; ` +
      `the notifications service (child process: durable consumer, one event at a time, ${OFFICIALS.length} officials registered, every task added beforehand) runs the pipeline; ` +
      "each official holds a notificationAdded SSE subscription from this process. e2e = publish call → notification read off its recipient's SSE stream, one clock " +
      "(chosen over polling the feed: it is what an open feed shows, with no poll interval added; the service pushes only after the store insert, so the feed query returns it by then). " +
      "events/s, notifs/s = events, notifications / (last arrival − first publish); dup = a notification pushed twice.",
  };
}
