import { describe, expect, it } from "vitest";
import type { Envelope } from "@lienthong/contracts/envelope";
import { taskConfirmed } from "@lienthong/contracts/tasks";
import { SAI_GON, people, startTasks } from "./support/tasks-fixture";
import { completeTask, mutation, type Payload } from "./support/operations";

type Result<Name extends string> = Record<Name, Payload>;

describe("a task's lifecycle through GraphQL", () => {
  it("goes from addTask to confirmTask, done on time, and publishes task.confirmed", async () => {
    const service = await startTasks();
    const received: Envelope[] = [];
    const consumer = await service.bus.consume({
      durable: "test.confirmed",
      subject: taskConfirmed.subject,
      handler: async (event) => void received.push(event),
    });
    const officer = await service.as(people.sgOfficer);
    const lan = await service.as(people.lan);
    const admin = await service.as(people.sgAdmin);

    const added = await officer.request<Result<"addTask">>(mutation("addTask"), { input: { unit: SAI_GON, ...completeTask } });
    expect(added.data?.addTask).toMatchObject({ __typename: "AddTaskSuccess", task: { status: "DRAFT", missingChecklistItems: [] } });
    const id = added.data?.addTask.task?.id as string;

    expect((await officer.request<Result<"assignTask">>(mutation("assignTask"), { input: { id } })).data?.assignTask.task?.status).toBe(
      "ASSIGNED",
    );
    expect((await lan.request<Result<"acceptTask">>(mutation("acceptTask"), { input: { id } })).data?.acceptTask.task?.status).toBe(
      "IN_PROGRESS",
    );
    const reported = await lan.request<Result<"reportTaskProgress">>(mutation("reportTaskProgress"), {
      input: { id, percent: 60, note: "Đã họp 6/10 khu phố", evidence: ["https://example.vn/bien-ban.pdf"] },
    });
    expect(reported.data?.reportTaskProgress.task?.progress).toBe(60);
    expect(
      (await lan.request<Result<"submitTask">>(mutation("submitTask"), { input: { id, note: "Hoàn thành" } })).data?.submitTask.task
        ?.status,
    ).toBe("SUBMITTED");
    const confirmed = await admin.request<Result<"confirmTask">>(mutation("confirmTask"), { input: { id } });
    expect(confirmed.data?.confirmTask).toMatchObject({
      __typename: "ConfirmTaskSuccess",
      task: { status: "DONE", completion: "ON_TIME", progress: 100 },
    });

    await expect.poll(() => received.length).toBe(1);
    await consumer.stop();
    expect(received[0]).toMatchObject({
      type: "lienthong.tasks.task.confirmed.v1",
      subject: id,
      actor: people.sgAdmin.sub,
      unit: SAI_GON,
      data: { completion: "ON_TIME" },
    });
  });

  it("refuses to assign an incomplete task with every missing rõ, and writes nothing", async () => {
    const service = await startTasks();
    const officer = await service.as(people.sgOfficer);
    const added = await officer.request<Result<"addTask">>(mutation("addTask"), {
      input: { unit: SAI_GON, title: "Vận động Quỹ Vì người nghèo" },
    });
    const id = added.data?.addTask.task?.id as string;
    const refused = await officer.request<Result<"assignTask">>(mutation("assignTask"), { input: { id } });
    expect(refused.data?.assignTask).toMatchObject({
      __typename: "ChecklistIncompleteError",
      code: "VALIDATION",
      missing: ["TASK", "LEAD_OWNER", "DELIVERABLE", "EXPECTED_RESULT", "DEADLINE"],
    });
    expect(refused.data?.assignTask.message).toContain("rõ người");
    const read = await officer.request<{ task: { status: string } }>(`query($id: ID!) { task(id: $id) { status } }`, { id });
    expect(read.data?.task.status).toBe("DRAFT");
  });

  it("asks for the 6 rõ items when that checklist is configured", async () => {
    const service = await startTasks({ checklist: "6-ro" });
    const officer = await service.as(people.sgOfficer);
    const added = await officer.request<Result<"addTask">>(mutation("addTask"), { input: { unit: SAI_GON, ...completeTask } });
    const refused = await officer.request<Result<"assignTask">>(mutation("assignTask"), { input: { id: added.data?.addTask.task?.id } });
    expect(refused.data?.assignTask.missing).toEqual(["RESPONSIBILITY", "AUTHORITY"]);
  });

  it("names invalid transitions and malformed input", async () => {
    const service = await startTasks();
    const officer = await service.as(people.sgOfficer);
    const admin = await service.as(people.sgAdmin);
    const added = await officer.request<Result<"addTask">>(mutation("addTask"), { input: { unit: SAI_GON, ...completeTask } });
    const id = added.data?.addTask.task?.id as string;
    expect((await admin.request<Result<"confirmTask">>(mutation("confirmTask"), { input: { id } })).data?.confirmTask).toMatchObject({
      __typename: "InvalidTransitionError",
      from: "draft",
      attempted: "confirm",
    });
    const bad = await officer.request<Result<"addTask">>(mutation("addTask"), {
      input: { unit: "123", title: " ", deadline: "2026-02-30" },
    });
    expect(bad.errors?.[0]?.message ?? "").toContain('"input.deadline"');
    const badFields = await officer.request<Result<"addTask">>(mutation("addTask"), { input: { unit: "123", title: " " } });
    expect(badFields.data?.addTask.fields?.map((field) => field.path.join("."))).toEqual(["unit", "title"]);
  });
});

describe("another ward", () => {
  it("can neither read nor change the task, and learns nothing about it", async () => {
    const service = await startTasks();
    const officer = await service.as(people.sgOfficer);
    const added = await officer.request<Result<"addTask">>(mutation("addTask"), { input: { unit: SAI_GON, ...completeTask } });
    const id = added.data?.addTask.task?.id as string;

    const other = await service.as(people.bdAdmin);
    const read = await other.request(`query($id: ID!) { task(id: $id) { title } tasks { totalCount } }`, { id });
    expect(read.data).toEqual({ task: null, tasks: { totalCount: 0 } });
    const cancel = await other.request<Result<"cancelTask">>(mutation("cancelTask"), { input: { id, reason: "thử" } });
    const missing = await other.request<Result<"cancelTask">>(mutation("cancelTask"), { input: { id: "no-such-task", reason: "thử" } });
    expect(cancel.data?.cancelTask).toMatchObject({ __typename: "NotFoundError", code: "NOT_FOUND" });
    expect(cancel.data?.cancelTask.message?.replace(id, "?")).toBe(missing.data?.cancelTask.message?.replace("no-such-task", "?"));
    const units = await other.request(
      `{ _entities(representations: [{ __typename: "Unit", code: "${SAI_GON}" }]) { ... on Unit { tasks { totalCount } taskSummary { total } } } }`,
    );
    expect(units.data).toEqual({ _entities: [{ tasks: { totalCount: 0 }, taskSummary: null }] });
  });

  it("asks an anonymous caller to authenticate", async () => {
    const service = await startTasks();
    const { errors } = await service.anonymous.request(`{ tasks { totalCount } }`);
    expect(errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
  });
});
