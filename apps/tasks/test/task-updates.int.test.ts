import { expect, it } from "vitest";
import { SAI_GON, people, startTasks } from "./support/tasks-fixture";
import { completeTask, mutation, type Payload } from "./support/operations";

type Result<Name extends string> = Record<Name, Payload>;

it("clears a draft's optional details with explicit nulls, leaves out the rest, and asks for them again on assignment", async () => {
  const service = await startTasks();
  const officer = await service.as(people.sgOfficer);
  const added = await officer.request<Result<"addTask">>(mutation("addTask"), { input: { unit: SAI_GON, ...completeTask } });
  const id = added.data?.addTask.task?.id as string;

  const cleared = await officer.request<Result<"updateTask">>(mutation("updateTask"), { input: { id, leadOwner: null, deadline: null } });
  expect(cleared.data?.updateTask).toMatchObject({
    __typename: "UpdateTaskSuccess",
    task: { title: completeTask.title, leadOwner: null, deadline: null, missingChecklistItems: ["LEAD_OWNER", "DEADLINE"] },
  });
  const refused = await officer.request<Result<"assignTask">>(mutation("assignTask"), { input: { id } });
  expect(refused.data?.assignTask).toMatchObject({ __typename: "ChecklistIncompleteError", missing: ["LEAD_OWNER", "DEADLINE"] });

  const untitled = await officer.request<Result<"updateTask">>(mutation("updateTask"), { input: { id, title: null } });
  expect(untitled.data?.updateTask).toMatchObject({ __typename: "ValidationError", fields: [{ path: ["title"] }] });

  const history = await officer.request<{ task: { history: { event: string; changes: { field: string; value: string }[] }[] } }>(
    `query($id: ID!) { task(id: $id) { history { event changes { field value } } } }`,
    { id },
  );
  expect(history.data?.task.history.at(-1)).toEqual({
    event: "TaskUpdated",
    changes: [
      { field: "leadOwner", value: "" },
      { field: "deadline", value: "" },
    ],
  });

  await service.restart();
  const read = await officer.request<{ task: { leadOwner: unknown; deadline: unknown } }>(
    `query($id: ID!) { task(id: $id) { leadOwner { id } deadline } }`,
    { id },
  );
  expect(read.data?.task).toEqual({ leadOwner: null, deadline: null });
});
