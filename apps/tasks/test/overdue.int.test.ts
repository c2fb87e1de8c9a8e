import { describe, expect, it } from "vitest";
import type { Envelope } from "@lienthong/contracts/envelope";
import { taskBecameOverdue, taskReminderDue } from "@lienthong/contracts/tasks";
import { SAI_GON, people, startTasks } from "./support/tasks-fixture";
import { completeTask, mutation, type Payload } from "./support/operations";

const SUMMARY = `{ _entities(representations: [{ __typename: "Unit", code: "${SAI_GON}" }]) { ... on Unit {
  taskSummary { doneOnTime doneLate inProgressWithinDeadline overdueNotDone total overdueShare }
  tasks(overdue: true) { totalCount edges { node { title leadOwner { id } } } }
} } }`;
type SummaryResult = { _entities: { taskSummary: Record<string, number>; tasks: { totalCount: number } }[] };

async function inProgressTask(service: Awaited<ReturnType<typeof startTasks>>) {
  const officer = await service.as(people.sgOfficer);
  const lan = await service.as(people.lan);
  const added = await officer.request<{ addTask: Payload }>(mutation("addTask"), { input: { unit: SAI_GON, ...completeTask } });
  const id = added.data?.addTask.task?.id as string;
  await officer.request(mutation("assignTask"), { input: { id } });
  await lan.request(mutation("acceptTask"), { input: { id } });
  return id;
}

describe("the overdue schedule", () => {
  it("marks a task overdue exactly once across restarts, moves it to the overdue bucket, and counts it late when confirmed", async () => {
    const service = await startTasks();
    const id = await inProgressTask(service);
    const city = await service.as(people.city);
    expect((await city.request<SummaryResult>(SUMMARY)).data?._entities[0]?.taskSummary).toMatchObject({
      inProgressWithinDeadline: 1,
      overdueNotDone: 0,
    });

    // Restart after the deadline day has ended in Vietnam (2026-03-20 24:00 +07:00), then again.
    await service.restart("2026-03-21T01:00:00.000Z");
    await service.restart("2026-03-22T01:00:00.000Z");
    expect(await service.app.schedule.runOnce()).toEqual({ overdue: 0, reminders: 0 });

    const overdueEvents: Envelope[] = [];
    const consumer = await service.bus.consume({
      durable: "test.overdue",
      subject: taskBecameOverdue.subject,
      handler: async (event) => void overdueEvents.push(event),
    });
    await expect.poll(() => overdueEvents.length).toBe(1);
    expect(overdueEvents[0]).toMatchObject({
      subject: id,
      actor: "system:tasks-schedule",
      data: { deadline: "2026-03-20", leadOwner: "o-lan" },
    });

    const after = (await (await service.as(people.city)).request<SummaryResult>(SUMMARY)).data?._entities[0];
    expect(after?.taskSummary).toEqual({
      doneOnTime: 0,
      doneLate: 0,
      inProgressWithinDeadline: 0,
      overdueNotDone: 1,
      total: 1,
      overdueShare: 1,
    });
    expect(after?.tasks.totalCount).toBe(1);

    await (await service.as(people.lan)).request(mutation("submitTask"), { input: { id } });
    const confirmed = await (
      await service.as(people.sgAdmin)
    ).request<{ confirmTask: Payload }>(mutation("confirmTask"), { input: { id } });
    expect(confirmed.data?.confirmTask.task).toMatchObject({ status: "DONE", completion: "LATE", overdue: false });
    const done = (await (await service.as(people.city)).request<SummaryResult>(SUMMARY)).data?._entities[0]?.taskSummary;
    expect(done).toMatchObject({ doneLate: 1, overdueNotDone: 0 });
    await consumer.stop();
    expect(overdueEvents).toHaveLength(1);
  });

  it("reminds the lead owner 3 days and 1 day before the deadline, once each", async () => {
    const service = await startTasks();
    await inProgressTask(service);
    const reminders: Envelope[] = [];
    const consumer = await service.bus.consume({
      durable: "test.reminders",
      subject: taskReminderDue.subject,
      handler: async (event) => void reminders.push(event),
    });
    service.clock.set("2026-03-17T02:00:00.000Z");
    expect(await service.app.schedule.runOnce()).toEqual({ overdue: 0, reminders: 1 });
    expect(await service.app.schedule.runOnce()).toEqual({ overdue: 0, reminders: 0 });
    service.clock.set("2026-03-19T02:00:00.000Z");
    expect(await service.app.schedule.runOnce()).toEqual({ overdue: 0, reminders: 1 });
    await expect.poll(() => reminders.map((event) => (event.data as { daysBefore: number }).daysBefore)).toEqual([3, 1]);
    await consumer.stop();
  });
});

describe("reports", () => {
  it("gives the city a report per unit and the same numbers as CSV, refusing other wards' units", async () => {
    const service = await startTasks();
    await inProgressTask(service);
    service.clock.set("2026-03-25T02:00:00.000Z");
    const city = await service.as(people.city);
    const report = await city.request(
      `{ taskReport(units: ["${SAI_GON}", "27592"], from: "2026-03-01", to: "2026-03-31") { unit { code } summary { overdueNotDone total } } }`,
    );
    expect(report.data).toEqual({
      taskReport: [
        { unit: { code: SAI_GON }, summary: { overdueNotDone: 1, total: 1 } },
        { unit: { code: "27592" }, summary: { overdueNotDone: 0, total: 0 } },
      ],
    });

    const csv = await service.fetch(
      new Request(`http://in-process.test/reports/tasks.csv?units=${SAI_GON}&from=2026-03-01`, {
        headers: { authorization: `Bearer ${await service.token(people.city)}` },
      }),
    );
    expect(csv.status).toBe(200);
    expect(await csv.text()).toBe(
      "Mã đơn vị,Đơn vị,Hoàn thành đúng hạn,Hoàn thành quá hạn,Đang thực hiện trong hạn,Quá hạn chưa hoàn thành,Tổng số,Tỷ lệ quá hạn\r\n" +
        `${SAI_GON},Phường Sài Gòn,0,0,0,1,1,1.0000\r\n`,
    );

    const forbidden = await service.fetch(
      new Request(`http://in-process.test/reports/tasks.csv?units=${SAI_GON}`, {
        headers: { authorization: `Bearer ${await service.token(people.bdOfficer)}` },
      }),
    );
    expect(forbidden.status).toBe(403);
    expect((await service.fetch(new Request("http://in-process.test/reports/tasks.csv"))).status).toBe(401);
    const wardReport = await (await service.as(people.bdOfficer)).request(`{ taskReport(units: ["${SAI_GON}"]) { summary { total } } }`);
    expect(wardReport.errors?.[0]).toMatchObject({ path: ["taskReport"], extensions: { code: "FORBIDDEN" } });
  });
});
