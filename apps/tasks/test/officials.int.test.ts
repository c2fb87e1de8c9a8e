import { describe, expect, it } from "vitest";
import { unitLabel } from "@lienthong/contracts/labels";
import { BA_DIEM, SAI_GON, people, startTasks } from "./support/tasks-fixture";
import { deactivated, registered, registerOfficials, untilOfficial, updated } from "./support/directory-events";
import { completeTask, mutation, type Payload } from "./support/operations";

type Refusal = { __typename: string; fields?: { path: string[]; message: string }[] };
type Added = { addTask: Payload & Refusal };
const pathsOf = (payload: Refusal | undefined) => payload?.fields?.map((field) => field.path.join("."));

describe("owners of a task", () => {
  it("must be officials the service knows; one registered a moment ago is accepted once directory's event arrived", async () => {
    const service = await startTasks();
    const officer = await service.as(people.sgOfficer);
    const input = { unit: SAI_GON, ...completeTask, leadOwner: "o-thu", coOwners: ["o-minh", "o-khoa"] };
    const early = await officer.request<Added>(mutation("addTask"), { input });
    expect(early.data?.addTask.__typename).toBe("ValidationError");
    expect(pathsOf(early.data?.addTask)).toEqual(["leadOwner", "coOwners.1"]);
    expect((await officer.request(`{ tasks { totalCount } }`)).data).toEqual({ tasks: { totalCount: 0 } });

    await registerOfficials(service, [
      { id: "o-thu", fullName: "Hồ Thị Thu", unit: SAI_GON },
      { id: "o-khoa", fullName: "Lâm Đăng Khoa", unit: BA_DIEM },
    ]);
    const later = await officer.request<Added>(mutation("addTask"), { input });
    expect(later.data?.addTask).toMatchObject({ __typename: "AddTaskSuccess", task: { leadOwner: { id: "o-thu" } } });
  });

  it("may not be deactivated officials", async () => {
    const service = await startTasks();
    await service.bus.publish(deactivated({ id: people.lan.sub, unit: SAI_GON }, 2));
    await untilOfficial(service, people.lan.sub, { active: false });
    const officer = await service.as(people.sgOfficer);
    const refused = await officer.request<Added>(mutation("addTask"), {
      input: { unit: SAI_GON, ...completeTask, leadOwner: "o-minh", coOwners: [people.lan.sub] },
    });
    expect(pathsOf(refused.data?.addTask)).toEqual(["coOwners.0"]);
    expect(refused.data?.addTask.fields?.[0]?.message).toContain(people.lan.name);
    const asLead = await officer.request<Added>(mutation("addTask"), { input: { unit: SAI_GON, ...completeTask } });
    expect(asLead.data?.addTask.fields?.map((field) => field.path.join("."))).toEqual(["leadOwner"]);
  });

  it("has its lead in the unit that carries the task out, on adding, on editing, and when the city assigns it", async () => {
    const service = await startTasks();
    const officer = await service.as(people.sgOfficer);
    const wrongUnit = await officer.request<Added>(mutation("addTask"), {
      input: { unit: SAI_GON, ...completeTask, leadOwner: people.bdOfficer.sub },
    });
    expect(pathsOf(wrongUnit.data?.addTask)).toEqual(["leadOwner"]);
    expect(wrongUnit.data?.addTask.fields?.[0]?.message).toContain(unitLabel(SAI_GON));
    const city = await service.as(people.city);
    const byCity = await city.request<Added>(mutation("addTask"), { input: { unit: BA_DIEM, ...completeTask } });
    expect(byCity.data?.addTask.fields?.map((field) => field.path.join("."))).toEqual(["leadOwner"]);

    const added = await officer.request<Added>(mutation("addTask"), { input: { unit: SAI_GON, ...completeTask } });
    const id = added.data?.addTask.task?.id as string;
    const edited = await officer.request<{ updateTask: Refusal }>(mutation("updateTask"), {
      input: { id, leadOwner: people.bdAdmin.sub, coOwners: [people.bdOfficer.sub] },
    });
    expect(edited.data?.updateTask.fields?.map((field) => field.path.join("."))).toEqual(["leadOwner"]);
    const coOwnerElsewhere = await officer.request<{ updateTask: Payload }>(mutation("updateTask"), {
      input: { id, coOwners: [people.bdOfficer.sub] },
    });
    expect(coOwnerElsewhere.data?.updateTask.__typename).toBe("UpdateTaskSuccess");
  });
});

describe("the officials read model", () => {
  it("ends up with directory's latest facts whatever order and however often the events arrive", async () => {
    const service = await startTasks();
    const thu = { id: "o-thu", fullName: "Hồ Thị Thu", unit: SAI_GON };
    // The move to Bà Điểm (version 2) overtakes the registration (version 1), which then arrives twice.
    await service.bus.publish(updated(thu.id, 2, { unit: BA_DIEM, fullName: "Hồ Thị Minh Thu" }));
    await service.bus.publish(registered(thu));
    await service.bus.publish(registered(thu));
    await untilOfficial(service, thu.id, { unit: BA_DIEM, fullName: "Hồ Thị Minh Thu", active: true });

    const bdOfficer = await service.as(people.bdOfficer);
    const added = await bdOfficer.request<Added>(mutation("addTask"), { input: { unit: BA_DIEM, ...completeTask, leadOwner: thu.id } });
    expect(added.data?.addTask.__typename).toBe("AddTaskSuccess");
    const sgOfficer = await service.as(people.sgOfficer);
    const inOldWard = await sgOfficer.request<Added>(mutation("addTask"), { input: { unit: SAI_GON, ...completeTask, leadOwner: thu.id } });
    expect(pathsOf(inOldWard.data?.addTask)).toEqual(["leadOwner"]);
    expect(inOldWard.data?.addTask.fields?.[0]?.message).toContain("Hồ Thị Minh Thu");

    // Deactivated (version 3); an old update (version 2) redelivered afterwards and a stale registration change nothing.
    await service.bus.publish(deactivated({ id: thu.id, unit: BA_DIEM }, 3));
    await service.bus.publish(updated(thu.id, 2, { unit: SAI_GON }));
    await service.bus.publish(registered(thu));
    // Events are handled in order: once a later registration is known, the stale ones above have been folded in.
    await registerOfficials(service, [{ id: "o-sentinel", fullName: "Mai Văn Tâm", unit: SAI_GON }]);
    await untilOfficial(service, thu.id, { unit: BA_DIEM, fullName: "Hồ Thị Minh Thu", active: false });
    const afterwards = await bdOfficer.request<Added>(mutation("addTask"), {
      input: { unit: BA_DIEM, ...completeTask, leadOwner: thu.id },
    });
    expect(pathsOf(afterwards.data?.addTask)).toEqual(["leadOwner"]);
  });

  it("keeps what it learnt across a restart and goes on learning", async () => {
    const service = await startTasks();
    await service.restart();
    await service.bus.publish(deactivated({ id: people.lan.sub, unit: SAI_GON }, 2));
    await registerOfficials(service, [{ id: "o-thu", fullName: "Hồ Thị Thu", unit: SAI_GON }]);
    await untilOfficial(service, people.lan.sub, { active: false, fullName: people.lan.name });
    await untilOfficial(service, people.sgOfficer.sub, { active: true, unit: SAI_GON });
  });
});

describe("inspections", () => {
  const PLAN = `mutation($input: PlanInspectionInput!) { planInspection(input: $input) {
    __typename ... on PlanInspectionSuccess { inspection { id } } ... on ValidationError { fields { path message } }
  } }`;
  const RECORD = `mutation($input: RecordInspectionFindingsInput!) { recordInspectionFindings(input: $input) { __typename ... on ValidationError { fields { path message } } } }`;

  it("take known, active officials on the team, and follow-up lead owners of the inspected ward only", async () => {
    const service = await startTasks();
    const inspector = await service.as(people.inspector);
    const plan = { inspectedUnit: SAI_GON, scope: "Kiểm tra việc thực hiện Nghị quyết", date: "2026-03-12", lead: people.inspector.sub };
    const refused = await inspector.request<{ planInspection: Refusal }>(PLAN, { input: { ...plan, team: ["insp-binh", "insp-ghost"] } });
    expect(pathsOf(refused.data?.planInspection)).toEqual(["team.1"]);
    const planned = await inspector.request<{ planInspection: { __typename: string; inspection?: { id: string } } }>(PLAN, {
      input: { ...plan, team: ["insp-binh"] },
    });
    expect(planned.data?.planInspection.__typename).toBe("PlanInspectionSuccess");

    const followUp = {
      title: "Bổ sung biên bản",
      deliverable: "Biên bản",
      expectedResult: "Đủ biên bản",
      deadline: "2026-04-15",
      leadOwner: people.bdOfficer.sub,
    };
    const findings = [{ summary: "Thiếu biên bản họp khu phố", severity: "MODERATE", followUp }];
    const recorded = await inspector.request<{ recordInspectionFindings: Refusal }>(RECORD, {
      input: { id: planned.data?.planInspection.inspection?.id, findings },
    });
    expect(pathsOf(recorded.data?.recordInspectionFindings)).toEqual(["findings.0.followUp.leadOwner"]);
    expect((await inspector.request(`{ tasks { totalCount } }`)).data).toEqual({ tasks: { totalCount: 0 } });
  });
});
