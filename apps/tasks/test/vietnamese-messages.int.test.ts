import { expect, it } from "vitest";
import { SAI_GON, people, startTasks } from "./support/tasks-fixture";
import { completeTask, mutation, type Payload } from "./support/operations";

type Refusal = Omit<Payload, "fields"> & { fields?: { path: string[]; message: string }[] };
const ENGLISH = /\b(must|cannot|not found|may not|invalid|required|at least|at most|unknown|the task|you)\b/i;

/** Every message a refusal carries: its summary and each field's. */
const messagesOf = (payload: Refusal | undefined) => [payload?.message ?? "", ...(payload?.fields ?? []).map((field) => field.message)];

it("answers every refusal of the task lifecycle in Vietnamese, keeping codes and paths for programs", async () => {
  const service = await startTasks();
  const officer = await service.as(people.sgOfficer);
  const other = await service.as(people.bdAdmin);
  const lan = await service.as(people.lan);
  const admin = await service.as(people.sgAdmin);
  const send = async (as: typeof officer, name: string, input: object) =>
    (await as.request<Record<string, Refusal>>(mutation(name), { input })).data?.[name];

  const added = await send(officer, "addTask", { unit: SAI_GON, ...completeTask });
  const id = added?.task?.id as string;
  const refusals = [
    await send(officer, "addTask", { unit: "123", title: "  ", description: "" }),
    await send(officer, "addTask", { unit: SAI_GON, ...completeTask, deadline: "2026-03-01" }),
    await send(officer, "updateTask", { id, title: null }),
    await send(officer, "updateTask", { id }),
    await send(other, "cancelTask", { id, reason: "thử" }),
    await send(admin, "confirmTask", { id }),
    await send(lan, "submitTask", { id }),
    await send(officer, "updateTask", { id, deadline: null }).then(() => send(officer, "assignTask", { id })),
  ];

  expect(refusals.map((refusal) => refusal?.code)).toEqual([
    "VALIDATION",
    "VALIDATION",
    "VALIDATION",
    "VALIDATION",
    "NOT_FOUND",
    "INVALID_TRANSITION",
    "INVALID_TRANSITION",
    "VALIDATION",
  ]);
  const messages = refusals.flatMap(messagesOf);
  expect(messages.filter((message) => message === "" || ENGLISH.test(message))).toEqual([]);
});
