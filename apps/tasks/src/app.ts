import type { GraphQLSchema } from "graphql";
import type { Consumer } from "@lienthong/bus/event-bus";
import { createRelay } from "@lienthong/bus/relay";
import { createSubgraph, type Subgraph } from "@lienthong/subgraph/create-subgraph";
import { createMetrics } from "@lienthong/subgraph/metrics";
import { createReadiness } from "@lienthong/subgraph/readiness";
import { relayMetrics } from "@lienthong/bus/relay-metrics";
import { observedBus } from "@lienthong/bus/observed-bus";
import { addRecommendationReportRoutes } from "./http/recommendation-report";
import { addReportRoutes } from "./http/reports";
import { startFollowUpConsumer } from "./consumers/follow-up-consumer";
import { createFollowUpTasks } from "./inspections/follow-up-tasks";
import { createInspectionCommands, type InspectionCommands } from "./inspections/inspection-commands";
import { createInspectionQueries, INSPECTIONS } from "./inspections/inspection-store";
import { startOfficialConsumer } from "./consumers/official-consumer";
import { createOfficialReadModel } from "./read-models/official-read-model";
import { createProgrammeCommands, type ProgrammeCommands } from "./programmes/programme-commands";
import { createProgrammeQueries, programmeRepository, PROGRAMMES } from "./programmes/programme-store";
import { createRecommendationSchedule, type RecommendationSchedule } from "./schedules/recommendation-schedule";
import { createTaskSchedule, type TaskSchedule } from "./schedules/task-schedule";
import { buildTasksSchema } from "./schema/schema";
import { createRecommendationQueries, RECOMMENDATIONS } from "./supervision/recommendation-store";
import { createSupervisionCommands, type SupervisionCommands } from "./supervision/supervision-commands";
import { createSupervisionQueries, SUPERVISIONS } from "./supervision/supervision-store";
import { CHECKLISTS, type ChecklistName } from "./tasks/checklist";
import { createTaskCommands, type TaskCommands } from "./tasks/task-commands";
import { createTaskQueries, TASKS, type TaskQueries } from "./tasks/task-store";
import { loadKnownUnits } from "./units/known-units";
import type { AppDeps } from "@lienthong/subgraph/app-deps";

export interface TasksDeps extends AppDeps {
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
  inspectionCommands: InspectionCommands;
  supervisionCommands: SupervisionCommands;
  recommendationSchedule: RecommendationSchedule;
  /** The officials known from directory's events; `waitFor` lets a caller that just registered some wait for them. */
  officials: { waitFor(ids: readonly string[], timeoutMs: number): Promise<void> };
  /** Starts the officials and follow-up consumers, relays outboxes left by a crash, runs the due-date schedules once, then all periodically. */
  start(): Promise<void>;
  /** Stops the schedule and flushes the relay; the caller closes the HTTP server first and the store and bus after. */
  stop(): Promise<void>;
}

export async function buildApp(deps: TasksDeps): Promise<TasksApp> {
  const log = deps.log.child({ service: "tasks" });
  const checklist = CHECKLISTS[deps.checklist ?? "5-ro"];
  const reminderOffsets = deps.reminderOffsets ?? [3, 1];
  const knownUnits = loadKnownUnits();
  const tasks = createTaskQueries(deps.db);
  const programmes = createProgrammeQueries(deps.db);
  await tasks.ensureIndexes();
  await programmes.ensureIndexes();
  const inspections = createInspectionQueries(deps.db);
  const supervisions = createSupervisionQueries(deps.db);
  const recommendations = createRecommendationQueries(deps.db);
  const officials = createOfficialReadModel(deps.db);
  await Promise.all([inspections.ensureIndexes(), supervisions.ensureIndexes(), recommendations.ensureIndexes()]);
  const aggregates = [TASKS, PROGRAMMES, INSPECTIONS, SUPERVISIONS, RECOMMENDATIONS];
  const metrics = deps.metrics ?? createMetrics();
  const relay = createRelay({
    db: deps.db,
    collections: aggregates,
    bus: deps.bus,
    log,
    observer: relayMetrics(metrics, "tasks", deps.db, aggregates),
  });
  const programmeCommands = createProgrammeCommands({
    db: deps.db,
    clock: deps.clock,
    knownUnits,
    afterSave: (id) => void relay.drain(PROGRAMMES, id),
  });
  const taskCommands = createTaskCommands({
    db: deps.db,
    clock: deps.clock,
    policy: { checklist, reminderOffsets },
    programmes: programmeRepository(deps.db),
    officials,
    knownUnits,
    afterSave: (id) => void relay.drain(TASKS, id),
  });
  const openFollowUps = createFollowUpTasks({
    db: deps.db,
    clock: deps.clock,
    policy: { checklist, reminderOffsets },
    officials,
    knownUnits,
    afterSave: (id) => void relay.drain(TASKS, id),
  });
  const inspectionCommands = createInspectionCommands({
    db: deps.db,
    clock: deps.clock,
    checklist,
    openFollowUps,
    officials,
    knownUnits,
    afterSave: (id) => void relay.drain(INSPECTIONS, id),
  });
  const supervisionCommands = createSupervisionCommands({
    db: deps.db,
    clock: deps.clock,
    knownUnits,
    afterSaveSupervision: (id) => void relay.drain(SUPERVISIONS, id),
    afterSaveRecommendation: (id) => void relay.drain(RECOMMENDATIONS, id),
  });
  const readiness = createReadiness();
  const schedule = readiness.schedule(
    "task schedule",
    createTaskSchedule({
      queries: tasks,
      commands: taskCommands,
      clock: deps.clock,
      log,
      reminderOffsets,
      intervalMs: deps.scheduleIntervalMs ?? 60_000,
    }),
  );
  const recommendationSchedule = readiness.schedule(
    "recommendation schedule",
    createRecommendationSchedule({
      queries: recommendations,
      commands: supervisionCommands,
      clock: deps.clock,
      log,
      intervalMs: deps.scheduleIntervalMs ?? 60_000,
    }),
  );
  let followUpConsumer: Consumer | undefined;
  let officialConsumer: Consumer | undefined;
  const schema = buildTasksSchema({
    db: deps.db,
    clock: deps.clock,
    tasks,
    programmes,
    taskCommands,
    programmeCommands,
    checklist,
    inspections,
    inspectionCommands,
    supervisions,
    recommendations,
    supervisionCommands,
  });
  const subgraph = createSubgraph({
    name: "tasks",
    schema,
    verifier: deps.verifier,
    log,
    graphiql: deps.graphiql ?? false,
    routes: (app) => {
      addReportRoutes({ tasks, clock: deps.clock })(app);
      addRecommendationReportRoutes({ recommendations, clock: deps.clock })(app);
    },
    metrics,
    readiness,
  });
  return {
    subgraph,
    schema,
    tasks,
    taskCommands,
    programmeCommands,
    schedule,
    inspectionCommands,
    supervisionCommands,
    recommendationSchedule,
    officials: { waitFor: (ids, timeoutMs) => officials.waitFor(ids, timeoutMs) },
    async start() {
      const consuming = readiness.consumers(observedBus(deps.bus, metrics, "tasks"));
      officialConsumer = await startOfficialConsumer({ bus: consuming, db: deps.db, officials });
      followUpConsumer = await startFollowUpConsumer({ bus: consuming, inspections, openFollowUps });
      await relay.sweep();
      relay.start();
      await schedule.start();
      await recommendationSchedule.start();
      readiness.started();
    },
    async stop() {
      readiness.stopping();
      await recommendationSchedule.stop();
      await schedule.stop();
      await followUpConsumer?.stop();
      await officialConsumer?.stop();
      await relay.stop();
    },
  };
}
