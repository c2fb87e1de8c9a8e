import type { GraphQLSchema } from "graphql";
import type { Logger } from "pino";
import type { Verifier } from "@lienthong/auth/verify";
import type { EventBus } from "@lienthong/bus/event-bus";
import { createRelay } from "@lienthong/bus/relay";
import type { Clock } from "@lienthong/calendar/clock";
import type { Database } from "@lienthong/store/collection";
import { createSubgraph, type Subgraph } from "@lienthong/subgraph/create-subgraph";
import type { Metrics } from "@lienthong/subgraph/metrics";
import { addReportRoutes } from "./http/reports";
import { createProgrammeCommands, type ProgrammeCommands } from "./programmes/programme-commands";
import { createProgrammeQueries, programmeRepository, PROGRAMMES } from "./programmes/programme-store";
import { createTaskSchedule, type TaskSchedule } from "./schedules/task-schedule";
import { buildTasksSchema } from "./schema/schema";
import { CHECKLISTS, type ChecklistName } from "./tasks/checklist";
import { createTaskCommands, type TaskCommands } from "./tasks/task-commands";
import { createTaskQueries, TASKS, type TaskQueries } from "./tasks/task-store";

export interface TasksDeps {
  db: Database;
  bus: EventBus;
  clock: Clock;
  verifier: Verifier;
  log: Logger;
  graphiql?: boolean;
  metrics?: Metrics;
  /** Which "rõ" checklist assignTask enforces; default "5-ro". */
  checklist?: ChecklistName;
  /** Days before the deadline at which lead owners are reminded; default [3, 1]. */
  reminderOffsets?: readonly number[];
  /** Pause between schedule sweeps; default 60 s. */
  scheduleIntervalMs?: number;
}

export interface TasksApp {
  subgraph: Subgraph;
  schema: GraphQLSchema;
  tasks: TaskQueries;
  taskCommands: TaskCommands;
  programmeCommands: ProgrammeCommands;
  schedule: TaskSchedule;
  /** Relays outboxes left by a crash, runs the due-date schedule once, then both periodically. */
  start(): Promise<void>;
  /** Stops the schedule and flushes the relay; the caller closes the HTTP server first and the store and bus after. */
  stop(): Promise<void>;
}

export async function buildApp(deps: TasksDeps): Promise<TasksApp> {
  const log = deps.log.child({ service: "tasks" });
  const checklist = CHECKLISTS[deps.checklist ?? "5-ro"];
  const reminderOffsets = deps.reminderOffsets ?? [3, 1];
  const tasks = createTaskQueries(deps.db);
  const programmes = createProgrammeQueries(deps.db);
  await tasks.ensureIndexes();
  await programmes.ensureIndexes();
  const relay = createRelay({ db: deps.db, collections: [TASKS, PROGRAMMES], bus: deps.bus, log });
  const programmeCommands = createProgrammeCommands({ db: deps.db, clock: deps.clock, afterSave: (id) => void relay.drain(PROGRAMMES, id) });
  const taskCommands = createTaskCommands({
    db: deps.db,
    clock: deps.clock,
    policy: { checklist, reminderOffsets },
    programmes: programmeRepository(deps.db),
    afterSave: (id) => void relay.drain(TASKS, id),
  });
  const schedule = createTaskSchedule({ queries: tasks, commands: taskCommands, clock: deps.clock, log, reminderOffsets, intervalMs: deps.scheduleIntervalMs ?? 60_000 });
  const schema = buildTasksSchema({
    db: deps.db,
    clock: deps.clock,
    tasks,
    programmes,
    taskCommands,
    programmeCommands,
    checklist,
    flush: (taskId) => relay.drain(TASKS, taskId),
  });
  const subgraph = createSubgraph({
    name: "tasks",
    schema,
    verifier: deps.verifier,
    log,
    graphiql: deps.graphiql ?? false,
    routes: addReportRoutes({ tasks, clock: deps.clock }),
    ...(deps.metrics ? { metrics: deps.metrics } : {}),
  });
  return {
    subgraph,
    schema,
    tasks,
    taskCommands,
    programmeCommands,
    schedule,
    async start() {
      await relay.sweep();
      relay.start();
      await schedule.start();
    },
    async stop() {
      await schedule.stop();
      await relay.stop();
    },
  };
}
