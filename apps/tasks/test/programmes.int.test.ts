import { expect, it } from "vitest";
import { BA_DIEM, SAI_GON, people, startTasks } from "./support/tasks-fixture";
import { completeTask, mutation } from "./support/operations";

const CREATE = `mutation($input: CreateActionProgrammeInput!) { createActionProgramme(input: $input) {
  __typename ... on CreateActionProgrammeSuccess { actionProgramme { id title issuingUnit { code } targets { indicator targetValue } closed } } ... on Error { code }
} }`;
const programme = {
  issuingUnit: SAI_GON,
  title: "Chương trình hành động thực hiện Nghị quyết Đại hội MTTQ phường Sài Gòn",
  term: "2025–2030",
  sourceDocument: {
    number: "01-NQ/ĐH",
    date: "2025-09-20",
    issuer: "Đại hội MTTQ phường Sài Gòn",
    summary: "Nghị quyết Đại hội nhiệm kỳ 2025–2030",
  },
  targets: [{ indicator: "Hộ gia đình văn hóa", baseline: 92, targetValue: 97, unitOfMeasure: "%" }],
};
type Created = { createActionProgramme: { __typename: string; actionProgramme?: { id: string }; code?: string } };

it("creates a ward programme, adds tasks to it, closes it, and keeps it from other wards", async () => {
  const service = await startTasks();
  const admin = await service.as(people.sgAdmin);
  const created = await admin.request<Created>(CREATE, { input: programme });
  expect(created.data?.createActionProgramme).toMatchObject({
    __typename: "CreateActionProgrammeSuccess",
    actionProgramme: { issuingUnit: { code: SAI_GON }, targets: [{ targetValue: 97 }], closed: false },
  });
  const id = created.data?.createActionProgramme.actionProgramme?.id as string;

  const added = await admin.request<{ addTask: { __typename: string } }>(mutation("addTask"), {
    input: { unit: SAI_GON, programme: id, ...completeTask },
  });
  expect(added.data?.addTask.__typename).toBe("AddTaskSuccess");
  const read = await admin.request(`query($id: ID!) { actionProgramme(id: $id) { summary { inProgressWithinDeadline total } } }`, { id });
  expect(read.data).toEqual({ actionProgramme: { summary: { inProgressWithinDeadline: 0, total: 0 } } });

  const close = `mutation($input: CloseActionProgrammeInput!) { closeActionProgramme(input: $input) { __typename } }`;
  expect((await admin.request(close, { input: { id, reason: "Hết nhiệm kỳ" } })).data).toEqual({
    closeActionProgramme: { __typename: "CloseActionProgrammeSuccess" },
  });
  const late = await admin.request<{ addTask: { __typename: string } }>(mutation("addTask"), {
    input: { unit: SAI_GON, programme: id, ...completeTask },
  });
  expect(late.data?.addTask.__typename).toBe("InvalidTransitionError");

  const other = await service.as(people.bdAdmin);
  expect((await other.request(`query($id: ID!) { actionProgramme(id: $id) { id } programmes { totalCount } }`, { id })).data).toEqual({
    actionProgramme: null,
    programmes: { totalCount: 0 },
  });
  expect((await other.request<Created>(CREATE, { input: { ...programme, issuingUnit: SAI_GON } })).data?.createActionProgramme.code).toBe(
    "NOT_ALLOWED",
  );
  expect(
    (await other.request<Created>(CREATE, { input: { ...programme, issuingUnit: BA_DIEM } })).data?.createActionProgramme.__typename,
  ).toBe("CreateActionProgrammeSuccess");
});

it("counts in a city programme's summary only the tasks each reader may read", async () => {
  const service = await startTasks();
  const city = await service.as(people.city);
  const created = await city.request<Created>(CREATE, {
    input: { ...programme, issuingUnit: null, title: "Chương trình hành động của Ủy ban MTTQ Thành phố" },
  });
  const id = created.data?.createActionProgramme.actionProgramme?.id as string;
  const tasks = [
    { unit: SAI_GON, ...completeTask, deadline: "2026-03-20" },
    { unit: BA_DIEM, ...completeTask, leadOwner: "bd-officer", deadline: "2026-03-12" },
  ];
  for (const input of tasks) {
    const added = await city.request<{ addTask: { task?: { id: string } } }>(mutation("addTask"), { input: { ...input, programme: id } });
    const assigned = await city.request<{ assignTask: { __typename: string } }>(mutation("assignTask"), {
      input: { id: added.data?.addTask.task?.id },
    });
    expect(assigned.data?.assignTask.__typename).toBe("AssignTaskSuccess");
  }
  service.clock.set("2026-03-15T02:00:00.000Z");

  const SUMMARY = `query($id: ID!) { actionProgramme(id: $id) { summary { inProgressWithinDeadline overdueNotDone total } } }`;
  const summaryAs = async (who: (typeof people)[keyof typeof people]) => (await (await service.as(who)).request(SUMMARY, { id })).data;
  expect(await summaryAs(people.bdOfficer)).toEqual({
    actionProgramme: { summary: { inProgressWithinDeadline: 0, overdueNotDone: 1, total: 1 } },
  });
  expect(await summaryAs(people.sgOfficer)).toEqual({
    actionProgramme: { summary: { inProgressWithinDeadline: 1, overdueNotDone: 0, total: 1 } },
  });
  expect(await summaryAs(people.city)).toEqual({
    actionProgramme: { summary: { inProgressWithinDeadline: 1, overdueNotDone: 1, total: 2 } },
  });
});
