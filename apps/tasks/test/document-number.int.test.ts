import { expect, it } from "vitest";
import { SAI_GON, people, startTasks } from "./support/tasks-fixture";
import { completeTask } from "./support/operations";

const ADD = `mutation($input: AddTaskInput!) { addTask(input: $input) { ... on AddTaskSuccess { task { id documentNumber } } } }`;
const UPDATE = `mutation($input: UpdateTaskInput!) { updateTask(input: $input) { __typename ... on UpdateTaskSuccess { task { documentNumber } } } }`;

it("records the assigning document's number, keeps it through later commands and clears it on request", async () => {
  const service = await startTasks();
  const officer = await service.as(people.sgOfficer);
  const added = await officer.request<{ addTask: { task: { id: string; documentNumber: string } } }>(ADD, {
    input: { unit: SAI_GON, ...completeTask, documentNumber: "125/KH-MTTQ" },
  });
  const { id, documentNumber } = added.data?.addTask.task ?? { id: "", documentNumber: "" };
  expect(documentNumber).toBe("125/KH-MTTQ");

  const retitled = await officer.request<{ updateTask: { task: { documentNumber: string | null } } }>(UPDATE, {
    input: { id, title: "Hội nghị quán triệt" },
  });
  expect(retitled.data?.updateTask.task.documentNumber).toBe("125/KH-MTTQ");
  await service.restart();
  const cleared = await (
    await service.as(people.sgOfficer)
  ).request<{ updateTask: { task: { documentNumber: string | null } } }>(UPDATE, { input: { id, documentNumber: null } });
  expect(cleared.data?.updateTask.task.documentNumber).toBeNull();
});
