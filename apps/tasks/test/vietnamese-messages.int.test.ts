import { expect, it } from "vitest";
import { expectVietnamese } from "@lienthong/testing/vietnamese";
import { mutationErrorMembers } from "@lienthong/testing/vietnamese-schema";
import { SAI_GON, people, startTasks } from "./support/tasks-fixture";
import { deactivated, untilOfficial } from "./support/directory-events";
import { completeTask, mutation, type Payload } from "./support/operations";

// The task mutations whose every error member gets a request here; the rest are checked on each response the
// other tests receive (the fixture's clients assert that every message is Vietnamese).
const COVERED = ["addTask", "updateTask", "cancelTask", "confirmTask"];
// A conflict needs two writers racing past the store's retries: no single request reaches it.
const UNREACHABLE = Object.fromEntries(COVERED.map((name) => [name, ["ConflictError"]]));

const CREATE_PROGRAMME = `mutation($input: CreateActionProgrammeInput!) { createActionProgramme(input: $input) {
  ... on CreateActionProgrammeSuccess { actionProgramme { id } } } }`;
const CLOSE_PROGRAMME = `mutation($input: CloseActionProgrammeInput!) { closeActionProgramme(input: $input) { __typename } }`;
const programme = {
  issuingUnit: SAI_GON,
  title: "Chương trình hành động thực hiện Nghị quyết Đại hội MTTQ phường Sài Gòn",
  term: "2025–2030",
  sourceDocument: { number: "01-NQ/ĐH", date: "2025-09-20", issuer: "Đại hội MTTQ phường Sài Gòn", summary: "Nghị quyết Đại hội" },
  targets: [{ indicator: "Hộ gia đình văn hóa", baseline: 92, targetValue: 97, unitOfMeasure: "%" }],
};

it("answers every refusal of a task's mutations in Vietnamese, keeping codes and paths for programs", async () => {
  const service = await startTasks();
  const officer = await service.as(people.sgOfficer);
  const other = await service.as(people.bdAdmin);
  const lan = await service.as(people.lan);
  const admin = await service.as(people.sgAdmin);
  const inspector = await service.as(people.inspector);
  await service.bus.publish(deactivated({ id: "o-minh", unit: SAI_GON }, 2));
  await untilOfficial(service, "o-minh", { active: false });

  const added = await officer.request<{ addTask: Payload }>(mutation("addTask"), { input: { unit: SAI_GON, ...completeTask } });
  const id = added.data?.addTask.task?.id as string;
  const created = await admin.request<{ createActionProgramme: { actionProgramme: { id: string } } }>(CREATE_PROGRAMME, {
    input: programme,
  });
  const closed = created.data?.createActionProgramme.actionProgramme.id as string;
  await admin.request(CLOSE_PROGRAMME, { input: { id: closed, reason: "Hết nhiệm kỳ" } });
  const cancelled = (await officer.request<{ addTask: Payload }>(mutation("addTask"), { input: { unit: SAI_GON, ...completeTask } })).data
    ?.addTask.task?.id as string;
  await admin.request(mutation("cancelTask"), { input: { id: cancelled, reason: "Trùng nhiệm vụ khác" } });

  type Case = [client: typeof officer, name: string, input: Record<string, unknown>, expected: string, paths?: string[]];
  const cases: Case[] = [
    [officer, "addTask", { unit: "123", title: "  ", description: "" }, "ValidationError"],
    [officer, "addTask", { unit: SAI_GON, ...completeTask, deadline: "2026-03-01" }, "ValidationError", ["deadline"]],
    // Owners: one directory has not announced, one who left, and a lead from another ward.
    [
      officer,
      "addTask",
      { unit: SAI_GON, ...completeTask, leadOwner: "o-ghost", coOwners: ["o-minh"] },
      "ValidationError",
      ["leadOwner", "coOwners.0"],
    ],
    [officer, "addTask", { unit: SAI_GON, ...completeTask, leadOwner: people.bdOfficer.sub }, "ValidationError", ["leadOwner"]],
    [other, "addTask", { unit: SAI_GON, ...completeTask }, "NotAllowedError"],
    [officer, "addTask", { unit: SAI_GON, programme: "no-such-programme", ...completeTask }, "NotFoundError"],
    [admin, "addTask", { unit: SAI_GON, programme: closed, ...completeTask }, "InvalidTransitionError"],
    [officer, "updateTask", { id, title: null }, "ValidationError"],
    [officer, "updateTask", { id }, "ValidationError"],
    [officer, "updateTask", { id, leadOwner: people.bdOfficer.sub }, "ValidationError", ["leadOwner"]],
    [inspector, "updateTask", { id, title: "Tên khác" }, "NotAllowedError"],
    [other, "updateTask", { id, title: "Tên khác" }, "NotFoundError"],
    [officer, "updateTask", { id: cancelled, title: "Tên khác" }, "InvalidTransitionError"],
    [admin, "cancelTask", { id, reason: " " }, "ValidationError"],
    [lan, "cancelTask", { id, reason: "thử" }, "NotAllowedError"],
    [other, "cancelTask", { id, reason: "thử" }, "NotFoundError"],
    [admin, "cancelTask", { id: cancelled, reason: "thử" }, "InvalidTransitionError"],
    [admin, "confirmTask", { id: " " }, "ValidationError", ["id"]],
    [lan, "confirmTask", { id }, "NotAllowedError"],
    [other, "confirmTask", { id }, "NotFoundError"],
    [admin, "confirmTask", { id }, "InvalidTransitionError"],
  ];

  const seen = new Set<string>();
  for (const [client, name, input, expected, paths] of cases) {
    const response = await client.request<Record<string, Payload>>(mutation(name), { input });
    const payload = response.data?.[name];
    expect({ name, input, typename: payload?.__typename }).toEqual({ name, input, typename: expected });
    if (paths) expect(payload?.fields?.map((field) => field.path.join("."))).toEqual(paths);
    expectVietnamese(response);
    seen.add(`${name} ${expected}`);
  }
  const members = mutationErrorMembers(service.app.schema, UNREACHABLE).filter((member) => COVERED.includes(member.split(" ")[0] ?? ""));
  expect([...seen].sort()).toEqual(members.sort());
});
