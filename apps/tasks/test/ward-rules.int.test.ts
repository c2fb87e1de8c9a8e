import { expect, it } from "vitest";
import { SAI_GON, people, startTasks } from "./support/tasks-fixture";
import { completeTask, mutation, type Payload } from "./support/operations";

type Result<Name extends string> = Record<Name, Payload & { fields?: { path: string[]; message: string }[] }>;
const pathsOf = (payload: Payload | undefined) => payload?.fields?.map((field) => field.path.join("."));

it("refuses a deadline whose day is over in Vietnam, when adding and when assigning", async () => {
  const service = await startTasks();
  const officer = await service.as(people.sgOfficer);
  const late = await officer.request<Result<"addTask">>(mutation("addTask"), {
    input: { unit: SAI_GON, ...completeTask, deadline: "2026-03-09" },
  });
  expect(late.data?.addTask.__typename).toBe("ValidationError");
  expect(pathsOf(late.data?.addTask)).toEqual(["deadline"]);

  const added = await officer.request<Result<"addTask">>(mutation("addTask"), { input: { unit: SAI_GON, ...completeTask } });
  const id = added.data?.addTask.task?.id as string;
  service.clock.set("2026-03-20T17:00:00.000Z"); // 00:00 on 21 March in Vietnam
  const assigned = await officer.request<Result<"assignTask">>(mutation("assignTask"), { input: { id } });
  expect(assigned.data?.assignTask.__typename).toBe("ValidationError");
  expect(pathsOf(assigned.data?.assignTask)).toEqual(["deadline"]);
});

it("lets the lead owner lower the progress only with a reason", async () => {
  const service = await startTasks();
  const officer = await service.as(people.sgOfficer);
  const lan = await service.as(people.lan);
  const added = await officer.request<Result<"addTask">>(mutation("addTask"), { input: { unit: SAI_GON, ...completeTask } });
  const id = added.data?.addTask.task?.id as string;
  await officer.request(mutation("assignTask"), { input: { id } });
  await lan.request(mutation("acceptTask"), { input: { id } });
  const report = (percent: number, decreaseReason?: string) =>
    lan.request<Result<"reportTaskProgress">>(mutation("reportTaskProgress"), {
      input: { id, percent, note: "Cập nhật tiến độ", ...(decreaseReason ? { decreaseReason } : {}) },
    });

  expect((await report(60)).data?.reportTaskProgress.task?.progress).toBe(60);
  const refused = (await report(40)).data?.reportTaskProgress;
  expect(refused?.__typename).toBe("ValidationError");
  expect(pathsOf(refused)).toEqual(["decreaseReason"]);
  expect((await report(40, "Phải dời hội nghị vì hội trường chưa sửa xong")).data?.reportTaskProgress.task?.progress).toBe(40);
});
