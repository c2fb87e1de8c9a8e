import { openEmbeddedStore, type EmbeddedCollection, type FsyncPolicy } from "@lienthong/store/embedded";
import { tempDir } from "@lienthong/testing/temp-dir";
import { runClosedLoop, type LoadResult } from "./load";
import { formatCount, formatMs, percentile, rate, sortedCopy } from "./stats";
import type { Table } from "./table";
import { makeTasks, pick, seededRandom, TASK_STATUSES, UNIT_CODES, type TaskDocument } from "./task-docs";

const SIZES = [10_000, 100_000];
const WRITES_IN_FLIGHT = 64;
/** A lone writer awaiting each insert: shows what one fsync costs a caller. */
const SEQUENTIAL_INSERTS = 2_000;
const UPDATES = 10_000;
const READS = { findByUnit: 1_000, findOneById: 10_000, countByUnitAndStatus: 1_000, findOneByTitle: 40 };
const WARMUP_READS = 50;

interface Measurement {
  operation: string;
  fsync: FsyncPolicy;
  documents: number;
  inFlight: number;
  load: LoadResult;
  /** Documents returned and examined per operation, from the engine's own query stats (reads only). */
  returned?: number;
  examined?: number;
}

type Tasks = EmbeddedCollection<TaskDocument>;

async function withStore<R>(fsync: FsyncPolicy, use: (tasks: Tasks) => Promise<R>): Promise<R> {
  const dir = tempDir("lienthong-bench-store-");
  const store = await openEmbeddedStore({ dir: dir.path, fsync });
  try {
    const tasks = store.db("tasks").collection<TaskDocument>("tasks");
    await tasks.createIndex({ unit: 1 });
    await tasks.createIndex({ status: 1 });
    await tasks.createIndex({ deadline: 1 });
    return await use(tasks);
  } finally {
    await store.close();
    await dir.remove();
  }
}

async function measureInserts(fsync: FsyncPolicy, count: number, inFlight: number): Promise<Measurement> {
  const docs = makeTasks(count, seededRandom(count + inFlight));
  return withStore(fsync, async (tasks) => {
    const load = await runClosedLoop(docs.length, inFlight, (index) => tasks.insertOne(docs[index] as TaskDocument));
    return { operation: "insertOne", fsync, documents: docs.length, inFlight, load };
  });
}

/** Each update is guarded by the version it last wrote; ops on one document are never in flight together (ids cycle through all documents). */
async function measureUpdates(tasks: Tasks, docs: TaskDocument[], random: () => number): Promise<Measurement> {
  const versions = docs.map((doc) => doc.version);
  let guardMisses = 0;
  const load = await runClosedLoop(UPDATES, WRITES_IN_FLIGHT, async (index) => {
    const position = index % docs.length;
    const doc = docs[position] as TaskDocument;
    const version = versions[position] as number;
    const result = await tasks.updateOne(
      { _id: doc._id, version },
      { $set: { status: pick(TASK_STATUSES, random) }, $inc: { version: 1 } },
    );
    if (result.modifiedCount === 1) versions[position] = version + 1;
    else guardMisses++;
  });
  if (guardMisses > 0)
    throw new Error(`updateOne: ${guardMisses} updates missed their version guard; the benchmark's bookkeeping is wrong`);
  return { operation: "updateOne {_id, version} $set+$inc", fsync: "batch", documents: docs.length, inFlight: WRITES_IN_FLIGHT, load };
}

/** Reads run one at a time: the engine answers them synchronously, so more in flight would only queue. */
async function measureRead(
  tasks: Tasks,
  operation: string,
  count: number,
  read: (random: () => number) => Promise<unknown>,
): Promise<Measurement> {
  const random = seededRandom(7);
  await runClosedLoop(WARMUP_READS, 1, () => read(random));
  let returned = 0;
  let examined = 0;
  const load = await runClosedLoop(count, 1, async () => {
    await read(random);
    returned += tasks.stats().lastQuery?.returned ?? 0;
    examined += tasks.stats().lastQuery?.examined ?? 0;
  });
  return {
    operation,
    fsync: "batch",
    documents: tasks.stats().documents,
    inFlight: 1,
    load,
    returned: returned / count,
    examined: examined / count,
  };
}

async function measureSize(size: number): Promise<Measurement[]> {
  const random = seededRandom(size);
  const docs = makeTasks(size, random);
  return withStore("batch", async (tasks) => {
    const inserts = await runClosedLoop(docs.length, WRITES_IN_FLIGHT, (index) => tasks.insertOne(docs[index] as TaskDocument));
    const measurements: Measurement[] = [
      { operation: "insertOne", fsync: "batch", documents: size, inFlight: WRITES_IN_FLIGHT, load: inserts },
      await measureUpdates(tasks, docs, random),
    ];
    measurements.push(
      await measureRead(tasks, "find {unit} (index)", READS.findByUnit, (r) => tasks.find({ unit: pick(UNIT_CODES, r) }).toArray()),
      await measureRead(tasks, "findOne {_id} (index)", READS.findOneById, (r) =>
        tasks.findOne({ _id: (pick(docs, r) as TaskDocument)._id }),
      ),
      await measureRead(tasks, "findOne {title} (no index)", READS.findOneByTitle, (r) =>
        tasks.findOne({ title: (pick(docs, r) as TaskDocument).title }),
      ),
      await measureRead(tasks, "countDocuments {unit, status}", READS.countByUnitAndStatus, (r) =>
        tasks.countDocuments({ unit: pick(UNIT_CODES, r), status: "overdue" }),
      ),
    );
    return measurements;
  });
}

function toRow(measurement: Measurement): string[] {
  const sorted = sortedCopy(measurement.load.latenciesMs);
  const meanMs = measurement.load.elapsedMs / measurement.load.operations;
  const perDoc = measurement.returned ? `${formatMs((meanMs * 1000) / measurement.returned)}` : "";
  return [
    measurement.operation,
    measurement.fsync,
    formatCount(measurement.documents),
    formatCount(measurement.load.operations),
    String(measurement.inFlight),
    formatCount(rate(measurement.load.operations, measurement.load.elapsedMs)),
    formatMs(percentile(sorted, 50)),
    formatMs(percentile(sorted, 99)),
    measurement.returned === undefined ? "" : formatCount(measurement.returned),
    measurement.examined === undefined ? "" : formatCount(measurement.examined),
    perDoc,
  ];
}

/** Rows grouped by operation, so each operation's sizes sit on adjacent lines. */
function groupByOperation(measurements: Measurement[]): Measurement[] {
  const order = [...new Set(measurements.map((measurement) => measurement.operation))];
  return measurements
    .map((measurement, index) => ({ measurement, index }))
    .sort((a, b) => order.indexOf(a.measurement.operation) - order.indexOf(b.measurement.operation) || a.index - b.index)
    .map(({ measurement }) => measurement);
}

export async function runStoreBench(): Promise<Table> {
  const measurements: Measurement[] = [];
  for (const size of SIZES) measurements.push(...(await measureSize(size)));
  for (const size of SIZES) measurements.push(await measureInserts("always", size, WRITES_IN_FLIGHT));
  for (const fsync of ["batch", "always"] as const) measurements.push(await measureInserts(fsync, SEQUENTIAL_INSERTS, 1));
  return {
    title: "store — embedded engine, task documents (unit among 168, indexes on unit, status, deadline)",
    columns: [
      { header: "operation", align: "left" },
      { header: "fsync", align: "left" },
      { header: "docs" },
      { header: "ops" },
      { header: "in flight" },
      { header: "ops/s" },
      { header: "p50 ms" },
      { header: "p99 ms" },
      { header: "returned" },
      { header: "examined" },
      { header: "µs/returned" },
    ],
    rows: groupByOperation(measurements).map(toRow),
    note:
      `measured: awaited single-document calls on a fresh temp store; writes ${WRITES_IN_FLIGHT} in flight, reads 1 at a time after ${WARMUP_READS} warm-up calls; ` +
      "latency = call to settled promise; docs = collection size (inserts: size reached); returned/examined = mean per call from the engine's query stats.",
  };
}
