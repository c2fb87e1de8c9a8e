import { describe, expect, it } from "vitest";
import { ok } from "@lienthong/contracts/errors";
import { createInspectionCommands } from "../src/inspections/inspection-commands";
import { followUpTaskId } from "../src/inspections/inspection";
import { createOfficialReadModel } from "../src/read-models/official-read-model";
import { CHECKLISTS } from "../src/tasks/checklist";
import { loadKnownUnits } from "../src/units/known-units";
import { BA_DIEM, SAI_GON, people, startTasks } from "./support/tasks-fixture";

const INSPECTION = `id status findings { severity followUp { title task { id status unit { code } leadOwner { id } assignedByCity deadline } } }`;
const PLAN = `mutation($input: PlanInspectionInput!) { planInspection(input: $input) {
  __typename ... on PlanInspectionSuccess { inspection { id status team { id } } } ... on Error { code message }
} }`;
const RECORD = `mutation($input: RecordInspectionFindingsInput!) { recordInspectionFindings(input: $input) {
  __typename ... on RecordInspectionFindingsSuccess { inspection { ${INSPECTION} } } ... on Error { code message } ... on ValidationError { fields { path } }
} }`;

type FollowUpTask = {
  id: string;
  status: string;
  unit: { code: string };
  leadOwner: { id: string };
  assignedByCity: boolean;
  deadline: string;
};
type InspectionData = {
  id: string;
  status: string;
  findings: { severity: string; followUp: { title: string; task: FollowUpTask | null } | null }[];
};
type Recorded = {
  recordInspectionFindings: {
    __typename: string;
    inspection?: InspectionData;
    code?: string;
    message?: string;
    fields?: { path: string[] }[];
  };
};
type Planned = { planInspection: { __typename: string; inspection?: { id: string; team: { id: string }[] }; code?: string } };

const plan = {
  inspectedUnit: SAI_GON,
  scope: "Việc thực hiện Nghị quyết Đại hội MTTQ phường",
  date: "2026-03-12",
  team: ["insp-binh"],
  lead: "insp-an",
};
const followUp = {
  title: "Bổ sung biên bản họp khu phố",
  deliverable: "Biên bản họp",
  expectedResult: "Đủ biên bản 10/10 khu phố",
  deadline: "2026-04-15",
  leadOwner: "o-lan",
};
const findings = [
  { summary: "Chưa lưu biên bản họp của 3 khu phố", severity: "MODERATE", followUp },
  { summary: "Công tác tuyên truyền tốt", severity: "MINOR" },
];

async function planned(service: Awaited<ReturnType<typeof startTasks>>) {
  const inspector = await service.as(people.inspector);
  const result = await inspector.request<Planned>(PLAN, { input: plan });
  return result.data?.planInspection.inspection?.id as string;
}

describe("an inspection", () => {
  it("records findings and opens the follow-up task in the ward in the same step, once however often it is retried", async () => {
    const service = await startTasks();
    const inspector = await service.as(people.inspector);
    const id = await planned(service);

    const first = await inspector.request<Recorded>(RECORD, { input: { id, findings } });
    expect(first.data?.recordInspectionFindings).toMatchObject({
      __typename: "RecordInspectionFindingsSuccess",
      inspection: { status: "FINDINGS_RECORDED" },
    });
    const [withFollowUp, without] = first.data?.recordInspectionFindings.inspection?.findings ?? [];
    expect(withFollowUp?.followUp?.task).toEqual({
      id: followUpTaskId(id, 0),
      status: "ASSIGNED",
      unit: { code: SAI_GON },
      leadOwner: { id: "o-lan" },
      assignedByCity: true,
      deadline: "2026-04-15",
    });
    expect(without?.followUp).toBeNull();

    const retried = await inspector.request<Recorded>(RECORD, { input: { id, findings } });
    expect(retried.data?.recordInspectionFindings.inspection).toEqual(first.data?.recordInspectionFindings.inspection);
    const changed = await inspector.request<Recorded>(RECORD, { input: { id, findings: findings.slice(1) } });
    expect(changed.data?.recordInspectionFindings.__typename).toBe("InvalidTransitionError");

    // The ward sees one task, assigned by the city on the inspection's authority, and its lead owner takes it on.
    const ward = await service.as(people.sgOfficer);
    const unit = await ward.request<{ _entities: { tasks: { totalCount: number }; inspections: { totalCount: number } }[] }>(
      `{ _entities(representations: [{ __typename: "Unit", code: "${SAI_GON}" }]) { ... on Unit { tasks { totalCount } inspections { totalCount } } } }`,
    );
    expect(unit.data?._entities[0]).toEqual({ tasks: { totalCount: 1 }, inspections: { totalCount: 1 } });
    const history = await ward.request<{ task: { history: { event: string; actor: string; authority: string }[] } }>(
      `query($id: ID!) { task(id: $id) { history { event actor authority } } }`,
      { id: followUpTaskId(id, 0) },
    );
    expect(history.data?.task.history).toEqual([
      { event: "TaskAdded", actor: people.inspector.sub, authority: `follow-up of inspection ${id}` },
      { event: "TaskAssigned", actor: people.inspector.sub, authority: `follow-up of inspection ${id}` },
    ]);
    const accepted = await (
      await service.as(people.lan)
    ).request<{ acceptTask: { task?: { status: string } } }>(
      `mutation($input: AcceptTaskInput!) { acceptTask(input: $input) { ... on AcceptTaskSuccess { task { status } } } }`,
      { input: { id: followUpTaskId(id, 0) } },
    );
    expect(accepted.data?.acceptTask.task?.status).toBe("IN_PROGRESS");
  });

  it("refuses follow-ups that could not be assigned, and writes nothing", async () => {
    const service = await startTasks();
    const inspector = await service.as(people.inspector);
    const id = await planned(service);
    const bad = await inspector.request<Recorded>(RECORD, {
      input: { id, findings: [{ ...findings[0], followUp: { ...followUp, deadline: "2026-03-01" } }] },
    });
    expect(bad.data?.recordInspectionFindings).toMatchObject({
      __typename: "ValidationError",
      fields: [{ path: ["findings", "0", "followUp", "deadline"] }],
    });
    const read = await inspector.request(`query($id: ID!) { inspection(id: $id) { status } tasks { totalCount } }`, { id });
    expect(read.data).toEqual({ inspection: { status: "PLANNED" }, tasks: { totalCount: 0 } });
  });

  it("is planned by the city only, and another ward neither reads nor changes it", async () => {
    const service = await startTasks();
    const wardAdmin = await service.as(people.sgAdmin);
    expect((await wardAdmin.request<Planned>(PLAN, { input: plan })).data?.planInspection.code).toBe("NOT_ALLOWED");
    const id = await planned(service);
    expect((await wardAdmin.request(`query($id: ID!) { inspection(id: $id) { id } }`, { id })).data).toEqual({ inspection: { id } });
    expect((await wardAdmin.request<Recorded>(RECORD, { input: { id, findings } })).data?.recordInspectionFindings.code).toBe(
      "NOT_ALLOWED",
    );

    const other = await service.as(people.bdAdmin);
    const read = await other.request(
      `query($id: ID!) { inspection(id: $id) { id } inspections { totalCount } _entities(representations: [{ __typename: "Unit", code: "${SAI_GON}" }]) { ... on Unit { inspections { totalCount } } } }`,
      { id },
    );
    expect(read.data).toEqual({ inspection: null, inspections: { totalCount: 0 }, _entities: [{ inspections: { totalCount: 0 } }] });
    const changed = await other.request<Recorded>(RECORD, { input: { id, findings } });
    const missing = await other.request<Recorded>(RECORD, { input: { id: "no-such-inspection", findings } });
    expect(changed.data?.recordInspectionFindings).toEqual({
      __typename: "NotFoundError",
      code: "NOT_FOUND",
      message: `inspection ${id} not found`,
    });
    expect(missing.data?.recordInspectionFindings.__typename).toBe("NotFoundError");
    expect((await other.request<Planned>(PLAN, { input: { ...plan, inspectedUnit: BA_DIEM } })).data?.planInspection.code).toBe(
      "NOT_ALLOWED",
    );
  });

  it("opens the follow-up tasks after a restart when the process stopped between the findings and the tasks", async () => {
    const service = await startTasks();
    const id = await planned(service);
    // The same write of the findings, by a process that dies before opening any task.
    const dying = createInspectionCommands({
      db: service.store.db("tasks"),
      clock: service.clock,
      checklist: CHECKLISTS["5-ro"],
      openFollowUps: async () => ok([]),
      officials: createOfficialReadModel(service.store.db("tasks")),
      knownUnits: loadKnownUnits(),
    });
    const recorded = await dying.recordFindings(id, [{ summary: "Chưa lưu biên bản họp của 3 khu phố", severity: "MODERATE", followUp }], {
      principal: people.inspector,
      correlationId: "c-crash",
    });
    expect(recorded.ok).toBe(true);
    await service.restart();

    const ward = await service.as(people.sgOfficer);
    const task = async () =>
      (
        await ward.request<{ task: { status: string } | null }>(`query($id: ID!) { task(id: $id) { status } }`, {
          id: followUpTaskId(id, 0),
        })
      ).data?.task;
    await expect.poll(task).toEqual({ status: "ASSIGNED" });
  });
});
