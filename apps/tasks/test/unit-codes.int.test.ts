import { expect, it } from "vitest";
import { people, startTasks } from "./support/tasks-fixture";
import { completeTask, mutation, type Payload } from "./support/operations";

const fieldsOf = (name: string, input: string) => `mutation($input: ${input}!) { ${name}(input: $input) {
  __typename ... on ValidationError { fields { path message } }
} }`;
type Refused<Name extends string> = Record<Name, { __typename: string; fields?: { path: string[]; message: string }[] }>;

it("refuses a unit code that is none of the 168 official units, even from the city", async () => {
  const service = await startTasks();
  const city = await service.as(people.city);

  const task = await city.request<Record<"addTask", Payload & { fields?: { path: string[]; message: string }[] }>>(mutation("addTask"), {
    input: { unit: "00000", ...completeTask, leadOwner: null },
  });
  expect(task.data?.addTask).toMatchObject({
    __typename: "ValidationError",
    fields: [{ path: ["unit"] }],
  });
  expect((await city.request(`{ tasks(unit: "00000") { totalCount } }`)).data).toEqual({ tasks: { totalCount: 0 } });

  const plan = { inspectedUnit: "00000", scope: "Thực hiện Nghị quyết Đại hội", date: "2026-03-12", team: [], lead: "insp-an" };
  const inspection = await city.request<Refused<"planInspection">>(fieldsOf("planInspection", "PlanInspectionInput"), { input: plan });
  expect(inspection.data?.planInspection).toMatchObject({
    __typename: "ValidationError",
    fields: [{ path: ["inspectedUnit"] }],
  });

  const supervision = {
    subject: "Chính sách an sinh",
    supervisedBody: "00000",
    form: "SUPERVISION_TEAM",
    periodFrom: "2026-01-01",
    periodTo: "2026-06-30",
  };
  const supervised = await city.request<Refused<"startSupervision">>(fieldsOf("startSupervision", "StartSupervisionInput"), {
    input: supervision,
  });
  expect(supervised.data?.startSupervision).toMatchObject({
    __typename: "ValidationError",
    fields: [{ path: ["supervisedBody"] }],
  });

  const programme = {
    issuingUnit: "00000",
    title: "Chương trình hành động",
    sourceDocument: { number: "01-NQ/ĐH", date: "2025-09-20", issuer: "Đại hội MTTQ", summary: "Nghị quyết Đại hội" },
    targets: [],
  };
  const created = await city.request<Refused<"createActionProgramme">>(fieldsOf("createActionProgramme", "CreateActionProgrammeInput"), {
    input: programme,
  });
  expect(created.data?.createActionProgramme).toMatchObject({
    __typename: "ValidationError",
    fields: [{ path: ["issuingUnit"] }],
  });
  expect((await city.request(`{ programmes(issuingUnit: "00000") { totalCount } }`)).data).toEqual({ programmes: { totalCount: 0 } });
});
