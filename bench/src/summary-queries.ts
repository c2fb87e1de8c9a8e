import pino from "pino";
import { z } from "zod";
import { signDevToken, DEV_AUTH_SECRET } from "@lienthong/auth/dev-token";
import { createVerifier } from "@lienthong/auth/verify";
import { openEmbeddedBus } from "@lienthong/bus/embedded-bus";
import { fixedClock } from "@lienthong/calendar/clock";
import type { Database } from "@lienthong/store/collection";
import { openEmbeddedStore } from "@lienthong/store/embedded";
import { buildApp } from "@lienthong/tasks/app";
import { createTaskQueries } from "@lienthong/tasks/tasks/task-store";
import { graphqlClient, type GraphqlClient } from "@lienthong/testing/graphql-client";
import { tempDir } from "@lienthong/testing/temp-dir";
import { runClosedLoop } from "./load";
import { formatCount } from "./stats";
import { makeStoredTasks } from "./stored-tasks";
import { seededRandom, UNIT_CODES } from "./task-docs";
import type { TasksMeasurement } from "./tasks-measurement";

const SIZES = [10_000, 100_000];
/** Mid-year: about half the open tasks are past their deadline. */
const NOW = new Date("2026-07-01T10:00:00+07:00");
const INSERT_BATCH = 2_000;
const SUMMARY = { warmup: 20, calls: 200 };
const REPORT = { warmup: 1, calls: 3 };
/** Any one unit: each holds about 1/168 of the tasks. */
const UNIT = UNIT_CODES[6] as string;

// What the gateway sends the tasks subgraph for `{ unit(code) { taskSummary { … } } }`: the directory owns Unit.
const UNIT_SUMMARY = `query($representations: [_Any!]!) { _entities(representations: $representations) {
  ... on Unit { taskSummary { doneOnTime doneLate inProgressWithinDeadline overdueNotDone total } } } }`;
const TASK_REPORT = `query($units: [ID!]) { taskReport(units: $units) { unit { code } summary { total overdueNotDone } } }`;

const summarySchema = z.object({ _entities: z.tuple([z.object({ taskSummary: z.object({ total: z.number() }) })]) });
const reportSchema = z.object({ taskReport: z.array(z.object({ summary: z.object({ total: z.number() }) })) });

async function query<T>(client: GraphqlClient, schema: z.ZodType<T>, text: string, variables: Record<string, unknown>): Promise<T> {
  const { data, errors, status } = await client.request(text, variables);
  if (errors?.length) throw new Error(`tasks subgraph answered ${status}: ${errors.map((error) => error.message).join("; ")}`);
  return schema.parse(data);
}

/** Writes `size` stored tasks under the service's indexes; returns the ids of UNIT's tasks. */
async function fillStore(db: Database, size: number): Promise<string[]> {
  const queries = createTaskQueries(db);
  await queries.ensureIndexes();
  const docs = makeStoredTasks(size, seededRandom(size), NOW);
  for (let start = 0; start < docs.length; start += INSERT_BATCH)
    await queries.collection.insertMany(docs.slice(start, start + INSERT_BATCH));
  const unitIds = docs.filter((doc) => doc.unit === UNIT).map((doc) => doc._id);
  // Read back through the service's storage boundary: parseStoredTask must accept every generated document.
  if ((await queries.byIds(unitIds)).size !== unitIds.length) throw new Error(`unit ${UNIT}: stored tasks did not read back`);
  return unitIds;
}

/** The tasks subgraph built in-process over a store filled with `size` stored tasks; queried through its fetch handler. */
async function measureSize(size: number): Promise<TasksMeasurement[]> {
  const dir = tempDir("lienthong-bench-tasks-");
  const store = await openEmbeddedStore({ dir: dir.path });
  try {
    const db = store.db("tasks");
    const unitIds = await fillStore(db, size);
    const log = pino({ level: "silent" });
    const bus = await openEmbeddedBus({ db: store.db("bus"), log });
    const app = await buildApp({ db, bus, clock: fixedClock(NOW), verifier: createVerifier({ secret: DEV_AUTH_SECRET }), log });
    const token = await signDevToken({ sub: "bench-city-admin", name: "Bench", roles: ["city_admin"], units: ["*"] }, DEV_AUTH_SECRET);
    const client = graphqlClient((request) => app.subgraph.app.fetch(request), { token });

    let counted = 0;
    const summary = () =>
      query(client, summarySchema, UNIT_SUMMARY, { representations: [{ __typename: "Unit", code: UNIT }] }).then(
        (data) => (counted = data._entities[0].taskSummary.total),
      );
    await runClosedLoop(SUMMARY.warmup, 1, summary);
    const summaryLoad = await runClosedLoop(SUMMARY.calls, 1, summary);
    const inStore = `${formatCount(size)} in store`;
    const measurements: TasksMeasurement[] = [
      {
        operation: "Unit.taskSummary (subgraph)",
        tasks: inStore,
        inFlight: 1,
        load: summaryLoad,
        outcome: `unit ${UNIT}: ${counted} counted of ${unitIds.length}`,
      },
    ];
    if (size === SIZES[SIZES.length - 1]) {
      let rows = 0;
      const report = () => query(client, reportSchema, TASK_REPORT, { units: UNIT_CODES }).then((data) => (rows = data.taskReport.length));
      await runClosedLoop(REPORT.warmup, 1, report);
      const reportLoad = await runClosedLoop(REPORT.calls, 1, report);
      measurements.push({
        operation: `taskReport(units: ${UNIT_CODES.length})`,
        tasks: inStore,
        inFlight: 1,
        load: reportLoad,
        outcome: `${rows} rows`,
      });
    }
    await app.stop();
    await bus.close();
    return measurements;
  } finally {
    await store.close();
    await dir.remove();
  }
}

/** Unit.taskSummary (and, at the largest size, the city's taskReport) over stores of growing size. */
export async function measureSummaryQueries(): Promise<TasksMeasurement[]> {
  const measurements: TasksMeasurement[] = [];
  for (const size of SIZES) measurements.push(...(await measureSize(size)));
  return measurements;
}
