import { z } from "zod";
import { graphqlClient, type GraphqlClient } from "@lienthong/testing/graphql-client";
import { runClosedLoop } from "./load";
import { startPlatformProcess } from "./platform-process";
import type { TasksMeasurement } from "./tasks-measurement";

/** A demo ward of the platform's seed: its admin assigns, its first officer leads and reports. */
const WARD = "26740";
/**
 * Each level spreads its commands round-robin over its first `tasks` tasks: with N in flight, about N / tasks race for
 * each aggregate. The last level keeps 64 in flight but gives each its own task, separating contention from load.
 */
const LEVELS: ReadonlyArray<{ inFlight: number; commands: number; tasks: number }> = [
  { inFlight: 1, commands: 300, tasks: 8 },
  { inFlight: 16, commands: 1_000, tasks: 8 },
  { inFlight: 64, commands: 1_500, tasks: 8 },
  { inFlight: 64, commands: 1_500, tasks: 64 },
];
const TASK_COUNT = Math.max(...LEVELS.map((level) => level.tasks));
const WARMUP_COMMANDS = 200;

const REPORT_PROGRESS = `mutation($input: ReportTaskProgressInput!) {
  reportTaskProgress(input: $input) { __typename ... on Error { code message } } }`;

const outcomeSchema = z.object({
  reportTaskProgress: z.object({ __typename: z.string(), code: z.string().optional(), message: z.string().optional() }),
});

/** Sends one GraphQL operation and returns `data`; GraphQL errors (auth, masked failures) stop the benchmark. */
async function send(client: GraphqlClient, query: string, variables: Record<string, unknown>): Promise<Record<string, unknown>> {
  const { data, errors, status } = await client.request(query, variables);
  if (errors?.length || !data)
    throw new Error(`gateway answered ${status}: ${errors?.map((error) => error.message).join("; ") ?? "no data"}`);
  return data;
}

function payloadOf(data: Record<string, unknown>, field: string): { __typename: string; id?: string } {
  const parsed = z
    .object({
      [field]: z.object({ __typename: z.string(), message: z.string().optional(), task: z.object({ id: z.string() }).optional() }),
    })
    .parse(data);
  const payload = parsed[field] as { __typename: string; message?: string; task?: { id: string } };
  if (!payload.__typename.endsWith("Success")) throw new Error(`${field}: answered ${payload.__typename} ${payload.message ?? ""}`);
  return { __typename: payload.__typename, ...(payload.task ? { id: payload.task.id } : {}) };
}

/** addTask → assignTask → acceptTask through the gateway, as a ward office would: tasks IN_PROGRESS led by `leadId`. */
async function tasksInProgress(admin: GraphqlClient, lead: GraphqlClient, leadId: string): Promise<string[]> {
  const ids: string[] = [];
  for (let index = 0; index < TASK_COUNT; index++) {
    const input = {
      unit: WARD,
      title: `Vận động Quỹ Vì người nghèo — khu phố ${index + 1}`,
      description: "Vận động các hộ kinh doanh và người dân ủng hộ Quỹ Vì người nghèo của phường",
      leadOwner: leadId,
      deliverable: "Báo cáo kết quả vận động",
      expectedResult: "Đạt 120% chỉ tiêu năm trước",
      deadline: "2099-12-31",
    };
    const added = payloadOf(
      await send(
        admin,
        `mutation($input: AddTaskInput!) { addTask(input: $input) { __typename ... on AddTaskSuccess { task { id } } ... on Error { message } } }`,
        { input },
      ),
      "addTask",
    );
    const id = added.id as string;
    for (const [client, name] of [
      [admin, "assignTask"],
      [lead, "acceptTask"],
    ] as const) {
      payloadOf(
        await send(client, `mutation($id: ID!) { ${name}(input: { id: $id }) { __typename ... on Error { message } } }`, { id }),
        name,
      );
    }
    ids.push(id);
  }
  return ids;
}

/** Drives `count` reportTaskProgress commands with `inFlight` at a time; CONFLICT answers are counted, anything else but success stops the run. */
async function driveReports(lead: GraphqlClient, taskIds: readonly string[], count: number, inFlight: number) {
  let conflicts = 0;
  const load = await runClosedLoop(count, inFlight, async (index) => {
    const input = {
      id: taskIds[index % taskIds.length],
      percent: index % 101,
      note: `Báo cáo tiến độ lần ${index + 1}: đã họp các khu phố`,
    };
    const { reportTaskProgress: outcome } = outcomeSchema.parse(await send(lead, REPORT_PROGRESS, { input }));
    if (outcome.code === "CONFLICT") conflicts++;
    else if (outcome.__typename !== "ReportTaskProgressSuccess")
      throw new Error(`reportTaskProgress: ${outcome.__typename} ${outcome.message ?? ""}`);
  });
  return { load, conflicts };
}

/** reportTaskProgress through the gateway of the all-in-one platform, run as its own process; the bench process is the client. */
export async function measureProgressCommands(): Promise<TasksMeasurement[]> {
  const platform = await startPlatformProcess();
  try {
    const admin = graphqlClient(platform.url, { token: platform.token(`ward admin ${WARD}`) });
    const lead = graphqlClient(platform.url, { token: platform.token(`officer ${WARD}`) });
    const me = z.object({ me: z.object({ sub: z.string() }) }).parse(await send(lead, "{ me { sub } }", {}));
    const taskIds = await tasksInProgress(admin, lead, me.me.sub);
    await driveReports(lead, taskIds, WARMUP_COMMANDS, 16);
    const measurements: TasksMeasurement[] = [];
    for (const level of LEVELS) {
      const { load, conflicts } = await driveReports(lead, taskIds.slice(0, level.tasks), level.commands, level.inFlight);
      measurements.push({
        operation: "reportTaskProgress (gateway)",
        tasks: `${level.tasks} IN_PROGRESS, round-robin`,
        inFlight: level.inFlight,
        load,
        outcome: `${conflicts} CONFLICT`,
      });
    }
    return measurements;
  } finally {
    await platform.stop();
  }
}
