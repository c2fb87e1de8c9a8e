import { expect, it } from "vitest";
import { TASKS } from "../src/tasks/task-store";
import { SAI_GON, people, startTasks } from "./support/tasks-fixture";
import { completeTask, mutation, type Payload } from "./support/operations";

type Result<Name extends string> = Record<Name, Payload>;

it("keeps a stored field the next unrelated command knows nothing about", async () => {
  const service = await startTasks();
  const officer = await service.as(people.sgOfficer);
  const added = await officer.request<Result<"addTask">>(mutation("addTask"), { input: { unit: SAI_GON, ...completeTask } });
  const id = added.data?.addTask.task?.id as string;
  const tasks = service.store.db("tasks").collection<{ _id: string }>(TASKS);
  // As a newer release (or a contract field a hand-kept stored schema forgot) would have written it.
  await tasks.updateOne({ _id: id }, { $set: { meetingRoom: "Hội trường A" } });

  const updated = await officer.request<Result<"updateTask">>(mutation("updateTask"), { input: { id, title: "Hội nghị quán triệt" } });
  expect(updated.data?.updateTask.__typename).toBe("UpdateTaskSuccess");

  expect(await tasks.findOne({ _id: id })).toMatchObject({ title: "Hội nghị quán triệt", meetingRoom: "Hội trường A" });
});
