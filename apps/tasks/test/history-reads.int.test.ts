import { expect, it } from "vitest";
import { SAI_GON, people, startTasks } from "./support/tasks-fixture";
import { completeTask, mutation, type Payload } from "./support/operations";

type History = { task: { title: string; history: { event: string }[] } };
const HISTORY = `query($id: ID!) { task(id: $id) { title history { event } } }`;

it("shows a change in the history at once, read without publishing, even while the broker is away", async () => {
  const service = await startTasks();
  const officer = await service.as(people.sgOfficer);
  const added = await officer.request<Record<"addTask", Payload>>(mutation("addTask"), { input: { unit: SAI_GON, ...completeTask } });
  const id = added.data?.addTask.task?.id as string;
  await service.bus.close();

  const updated = await officer.request<Record<"updateTask", Payload>>(mutation("updateTask"), {
    input: { id, title: "Hội nghị quán triệt" },
  });
  expect(updated.data?.updateTask.__typename).toBe("UpdateTaskSuccess");
  const read = await officer.request<History>(HISTORY, { id });

  expect(read.errors).toBeUndefined();
  expect(read.data?.task.history.map((entry) => entry.event)).toEqual(["TaskAdded", "TaskUpdated"]);
  const stillPending = await service.store.db("tasks").collection<{ _id: string; _outbox: unknown[] }>("tasks").findOne({ _id: id });
  expect(stillPending?._outbox).toHaveLength(1);
});
