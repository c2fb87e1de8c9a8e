import { z } from "zod";
import type { Collection, Database, Filter } from "@lienthong/store/collection";
import { createRepository, type AggregateDocument, type Repository } from "@lienthong/store/repository";
import { dueAt, overdueFrom } from "./task-deadline";
import { evolve } from "./task-evolve";
import { taskSchema } from "./task-state";
import { OPEN_STATUSES, type Task, type TaskEvent, type TaskStatus } from "./task-types";

export const TASKS = "tasks";

const text = z.string();

/**
 * A task as stored: the domain state plus instants derived on every write, so the schedule and the reports
 * find due and overdue tasks with indexed range queries (ISO strings in UTC compare like the instants).
 */
const storedTaskSchema = taskSchema.extend({
  /** End of the deadline day in Vietnam. */
  dueAt: text.optional(),
  /** From when the task counts as overdue if still not done; absent when it cannot be. */
  overdueFrom: text.optional(),
  /** TaskBecameOverdue was emitted for the deadline now in force. */
  overdueFlagged: z.boolean(),
});
export type StoredTask = z.infer<typeof storedTaskSchema>;

// Fields this release does not know (written by a newer one) are kept, never stripped: the next write saves them back.
const keepingUnknownFields = storedTaskSchema.loose();

const unitOnly = z.object({ unit: text });

/** Storage boundary: the document without the repository's own fields (`_id`, `version`, `_outbox`). */
export function parseStoredTask(doc: Record<string, unknown>): StoredTask {
  const { _id: _docId, version: _version, _outbox: _pending, ...fields } = doc;
  return keepingUnknownFields.parse(fields);
}

export function toStored(task: Task): StoredTask {
  const from = overdueFrom(task);
  return {
    ...task,
    ...(task.deadline === undefined ? {} : { dueAt: dueAt(task.deadline).toISOString() }),
    ...(from === undefined ? {} : { overdueFrom: from.toISOString() }),
    overdueFlagged: task.deadline !== undefined && task.overdueDeadline === task.deadline,
  };
}

/** evolve() plus the derived instants, so every write keeps them in step with the state. */
export function evolveStored(state: StoredTask | null, event: TaskEvent): StoredTask | null {
  const next = evolve(state === null ? null : withoutDerived(state), event);
  return next === null ? null : toStored(next);
}

function withoutDerived(stored: StoredTask): Task {
  const { dueAt: _dueAt, overdueFrom: _overdueFrom, overdueFlagged: _flagged, ...task } = stored;
  return task;
}

export function taskRepository(db: Database, afterSave?: (id: string) => void): Repository<StoredTask> {
  return createRepository<StoredTask>({ db, collection: TASKS, parse: parseStoredTask, ...(afterSave ? { afterSave } : {}) });
}

export type TaskDocument = AggregateDocument & StoredTask;

/** Which tasks a reader may see: undefined = every task (city-wide readers). */
export interface ReadScope {
  units: string[];
  official: string;
}

export interface TaskFilter {
  scope?: ReadScope;
  units?: string[];
  programmeId?: string;
  leadOwner?: string;
  status?: TaskStatus;
  /** true = overdue and not done at `now`; false = anything else. */
  overdue?: boolean;
  /** Deadline within [from, to] (calendar dates). */
  deadlineFrom?: string;
  deadlineTo?: string;
  now: Date;
}

export const BUCKETS = ["doneOnTime", "doneLate", "inProgressWithinDeadline", "overdueNotDone"] as const;
export type Bucket = (typeof BUCKETS)[number];
export type BucketCounts = Record<Bucket, number>;

export function taskFilter(filter: TaskFilter): Filter<TaskDocument> {
  const and: Filter<TaskDocument>[] = [];
  if (filter.scope) {
    const { units, official } = filter.scope;
    and.push({ $or: [{ unit: { $in: units } }, { assigningUnit: { $in: units } }, { leadOwner: official }, { coOwners: official }] });
  }
  if (filter.units) and.push({ unit: { $in: filter.units } });
  if (filter.programmeId !== undefined) and.push({ programmeId: filter.programmeId });
  if (filter.leadOwner !== undefined) and.push({ leadOwner: filter.leadOwner });
  if (filter.status !== undefined) and.push({ status: filter.status });
  const now = filter.now.toISOString();
  if (filter.overdue === true) and.push({ overdueFrom: { $lte: now } });
  if (filter.overdue === false) and.push({ $or: [{ overdueFrom: { $exists: false } }, { overdueFrom: { $gt: now } }] });
  if (filter.deadlineFrom !== undefined) and.push({ deadline: { $gte: filter.deadlineFrom } });
  if (filter.deadlineTo !== undefined) and.push({ deadline: { $lte: filter.deadlineTo } });
  return and.length === 0 ? {} : { $and: and };
}

/** The official reporting buckets as query filters at `now`; drafts and cancelled tasks are in none. */
export function bucketFilter(bucket: Bucket, now: Date): Filter<TaskDocument> {
  const at = now.toISOString();
  switch (bucket) {
    case "doneOnTime":
      return { status: "DONE", completion: "ON_TIME" };
    case "doneLate":
      return { status: "DONE", completion: "LATE" };
    case "overdueNotDone":
      return { overdueFrom: { $lte: at } };
    case "inProgressWithinDeadline":
      return { status: { $in: [...OPEN_STATUSES] }, $or: [{ overdueFrom: { $exists: false } }, { overdueFrom: { $gt: at } }] };
  }
}

export function createTaskQueries(db: Database) {
  const collection: Collection<TaskDocument> = db.collection<TaskDocument>(TASKS);
  const noOutbox = { _outbox: 0 } as const;

  async function buckets(filter: TaskFilter): Promise<BucketCounts> {
    const base = taskFilter(filter);
    const counts = await Promise.all(
      BUCKETS.map((bucket) => collection.countDocuments({ $and: [base, bucketFilter(bucket, filter.now)] })),
    );
    return Object.fromEntries(BUCKETS.map((bucket, index) => [bucket, counts[index] ?? 0])) as BucketCounts;
  }

  async function unitsWithTasks(filter: TaskFilter): Promise<string[]> {
    const docs = await collection.find(taskFilter(filter), { projection: { _id: 0, unit: 1 } }).toArray();
    return [...new Set(docs.map((doc) => unitOnly.parse(doc).unit))];
  }

  return {
    collection,
    async ensureIndexes(): Promise<void> {
      await collection.createIndex({ unit: 1, status: 1 });
      await collection.createIndex({ assigningUnit: 1 });
      await collection.createIndex({ programmeId: 1 });
      await collection.createIndex({ leadOwner: 1 });
      await collection.createIndex({ overdueFrom: 1 });
      await collection.createIndex({ dueAt: 1 });
    },
    async byIds(ids: readonly string[]): Promise<Map<string, StoredTask>> {
      const docs = await collection.find({ _id: { $in: [...ids] } }, { projection: noOutbox }).toArray();
      return new Map(docs.map((doc) => [doc._id, parseStoredTask(doc)]));
    },
    count: (filter: TaskFilter): Promise<number> => collection.countDocuments(taskFilter(filter)),
    /** Nearest deadline first, then creation order (ids are time-ordered UUIDv7). */
    async list(filter: TaskFilter, window: { offset: number; limit: number }): Promise<StoredTask[]> {
      const docs = await collection
        .find(taskFilter(filter), { projection: noOutbox, sort: { dueAt: 1, _id: 1 }, skip: window.offset, limit: window.limit })
        .toArray();
      return docs.map(parseStoredTask);
    },
    buckets,
    /**
     * Bucket counts per executing unit, for city reports: only units with a task in some bucket. Counted unit by unit,
     * so each count narrows by the unit index; one filter listing every unit makes the embedded engine test each task
     * against the whole list, four times over.
     */
    async bucketsByUnit(filter: TaskFilter): Promise<Map<string, BucketCounts>> {
      const units = filter.units ? [...new Set(filter.units)] : await unitsWithTasks(filter);
      const rows = await Promise.all(units.map(async (unit) => [unit, await buckets({ ...filter, units: [unit] })] as const));
      return new Map(rows.filter(([, counts]) => BUCKETS.some((bucket) => counts[bucket] > 0)));
    },
    /** Tasks past their deadline and not yet flagged overdue for it. */
    async overdueCandidates(now: Date, limit: number): Promise<string[]> {
      const docs = await collection
        .find(
          { overdueFrom: { $lte: now.toISOString() }, overdueFlagged: false },
          { projection: { _id: 1 }, sort: { overdueFrom: 1 }, limit },
        )
        .toArray();
      return docs.map((doc) => doc._id);
    },
    /** Unfinished tasks whose deadline falls within the reminder horizon. */
    async reminderCandidates(now: Date, horizonMs: number, limit: number): Promise<string[]> {
      const window = { $gt: now.toISOString(), $lte: new Date(now.getTime() + horizonMs).toISOString() };
      const docs = await collection
        .find({ dueAt: window, status: { $in: ["ASSIGNED", "IN_PROGRESS"] } }, { projection: { _id: 1 }, sort: { dueAt: 1 }, limit })
        .toArray();
      return docs.map((doc) => doc._id);
    },
  };
}

export type TaskQueries = ReturnType<typeof createTaskQueries>;
