import { describe, expect, it, onTestFinished } from "vitest";
import { freePort } from "@lienthong/testing/free-port";
import { graphqlClient } from "@lienthong/testing/graphql-client";
import { assertNoEnglish } from "@lienthong/testing/vietnamese";
import { tempDir } from "@lienthong/testing/temp-dir";
import { startPlatformProcess } from "./support/platform-process";
import { ops, subOf, summaryOf, taskView, transition } from "./support/task-operations";

const SAI_GON = "26740";
const complete = {
  description: "Phối hợp các khu phố tổ chức ngày hội tại 10 khu dân cư",
  deliverable: "Báo cáo kết quả",
  expectedResult: "100% khu phố tham gia",
  title: "Tổ chức Ngày hội Đại đoàn kết toàn dân tộc",
};

describe("tasks through the gateway of the all-in-one platform", { timeout: 240_000 }, () => {
  it("answers one query across directory and tasks: a ward's name, officials, task summary and overdue tasks with lead owners' names", async () => {
    const data = tempDir("platform-tasks-");
    onTestFinished(data.remove);
    const platform = await startPlatformProcess(data.path, await freePort());
    const admin = graphqlClient(platform.url, { check: assertNoEnglish, token: platform.token(`ward admin ${SAI_GON}`) });
    type Ward = {
      unit: {
        fullName: string;
        officials: { totalCount: number };
        taskSummary: { overdueNotDone: number };
        tasks: { edges: { node: { title: string; leadOwner: { fullName: string } } }[] };
      };
    };
    const { data: ward, errors } = await admin.request<Ward>(`{ unit(code: "${SAI_GON}") {
      fullName officials { totalCount } taskSummary { overdueNotDone }
      tasks(overdue: true) { edges { node { title leadOwner { fullName } } } } } }`);
    expect(errors).toBeUndefined();
    expect(ward?.unit.fullName).toBe("Phường Sài Gòn");
    expect(ward?.unit.officials.totalCount).toBe(3);
    expect(ward?.unit.taskSummary.overdueNotDone).toBeGreaterThan(0);
    expect(ward?.unit.tasks.edges.length).toBe(ward?.unit.taskSummary.overdueNotDone);
    // Names come from the directory subgraph: the tasks service only stores the official's id.
    expect(ward?.unit.tasks.edges.map((edge) => edge.node.leadOwner.fullName)).toContain("Phạm Văn Minh");
  });

  it("runs a task from addTask to confirmTask, refuses an incomplete assignment, and keeps another ward out", async () => {
    const data = tempDir("platform-tasks-");
    onTestFinished(data.remove);
    const platform = await startPlatformProcess(data.path, await freePort());
    const admin = graphqlClient(platform.url, { check: assertNoEnglish, token: platform.token(`ward admin ${SAI_GON}`) });
    const lead = graphqlClient(platform.url, { check: assertNoEnglish, token: platform.token(`officer ${SAI_GON}`) });
    const outsider = graphqlClient(platform.url, { check: assertNoEnglish, token: platform.token("officer 27592") });
    const leadId = await subOf(lead);

    const incomplete = await admin.request<{ addTask: { task: { id: string } } }>(ops.addTask, {
      input: { unit: SAI_GON, title: "Việc chưa rõ" },
    });
    const refused = await transition(admin, "assignTask", incomplete.data?.addTask.task.id as string);
    expect(refused).toMatchObject({ __typename: "ChecklistIncompleteError", code: "VALIDATION" });
    expect(refused.missing).toEqual(expect.arrayContaining(["LEAD_OWNER", "DELIVERABLE", "EXPECTED_RESULT", "DEADLINE"]));

    const added = await admin.request<{ addTask: { task: { id: string; status: string } } }>(ops.addTask, {
      input: { unit: SAI_GON, ...complete, leadOwner: leadId, deadline: "2099-12-31" },
    });
    const id = added.data?.addTask.task.id as string;
    expect(added.data?.addTask.task.status).toBe("DRAFT");
    expect(await transition(admin, "assignTask", id)).toMatchObject({ __typename: "AssignTaskSuccess" });
    expect(await transition(lead, "acceptTask", id)).toEqual({ __typename: "AcceptTaskSuccess" });
    expect(await transition(lead, "reportTaskProgress", id, ', percent: 60, note: "Đã họp 8/10 khu phố"')).toEqual({
      __typename: "ReportTaskProgressSuccess",
    });

    expect(await taskView(outsider, id)).toBeNull();
    expect(await transition(outsider, "submitTask", id)).toMatchObject({ __typename: "NotFoundError" });

    expect(await transition(lead, "submitTask", id)).toEqual({ __typename: "SubmitTaskSuccess" });
    expect(await transition(admin, "confirmTask", id)).toEqual({ __typename: "ConfirmTaskSuccess" });
    const done = await taskView(admin, id);
    expect(done).toMatchObject({ status: "DONE", completion: "ON_TIME", leadOwner: { fullName: "Phạm Văn Minh" } });
    expect(done?.history.map((entry) => entry.event)).toEqual([
      "TaskAdded",
      "TaskAssigned",
      "TaskAccepted",
      "TaskProgressReported",
      "TaskSubmitted",
      "TaskConfirmed",
    ]);
  });

  it("marks a task overdue exactly once across restarts with CLOCK_START, and counts it done late when confirmed", async () => {
    const data = tempDir("platform-tasks-");
    onTestFinished(data.remove);
    const port = await freePort();

    const before = await startPlatformProcess(data.path, port, { CLOCK_START: "2026-03-02T09:00:00+07:00" });
    const admin = () => graphqlClient(before.url, { check: assertNoEnglish, token: before.token(`ward admin ${SAI_GON}`) });
    const lead = () => graphqlClient(before.url, { check: assertNoEnglish, token: before.token(`officer ${SAI_GON}`) });
    const added = await admin().request<{ addTask: { task: { id: string } } }>(ops.addTask, {
      input: { unit: SAI_GON, ...complete, leadOwner: await subOf(lead()), deadline: "2026-03-05" },
    });
    const id = added.data?.addTask.task.id as string;
    await transition(admin(), "assignTask", id);
    await transition(lead(), "acceptTask", id);
    expect(await taskView(admin(), id)).toMatchObject({ status: "IN_PROGRESS", overdue: false });
    const summaryBefore = await summaryOf(admin(), SAI_GON);
    before.child.kill("SIGTERM");
    await before.child.exited;

    const after = await startPlatformProcess(data.path, port, { CLOCK_START: "2026-03-07T09:00:00+07:00" });
    after.child.kill("SIGTERM");
    await after.child.exited;
    await startPlatformProcess(data.path, port, { CLOCK_START: "2026-03-08T09:00:00+07:00" });

    const overdue = await taskView(admin(), id);
    expect(overdue?.overdue).toBe(true);
    expect(overdue?.history.filter((entry) => entry.event === "TaskBecameOverdue")).toHaveLength(1);
    const summaryAfter = await summaryOf(admin(), SAI_GON);
    expect(summaryAfter.overdueNotDone).toBeGreaterThan(summaryBefore.overdueNotDone);

    await transition(lead(), "submitTask", id);
    await transition(admin(), "confirmTask", id);
    expect(await taskView(admin(), id)).toMatchObject({ status: "DONE", completion: "LATE" });
    expect((await summaryOf(admin(), SAI_GON)).doneLate).toBe(summaryBefore.doneLate + 1);
  });
});
