import { describe, expect, it } from "vitest";
import type { Principal } from "@lienthong/auth/principal";
import { forDecider } from "@lienthong/testing/given-when-then";
import type { OfficialFacts } from "../officials/official";
import { CHECKLISTS } from "../tasks/checklist";
import {
  decide,
  evolve,
  followUpTaskId,
  type FindingInput,
  type InspectionCommand,
  type InspectionContext,
  type InspectionEvent,
} from "./inspection";

const SAI_GON = "26740";
const people = {
  city: { sub: "city-admin", name: "Trần Văn Thành", roles: ["city_admin"], units: ["*"] },
  inspector: { sub: "insp-an", name: "Hoàng Văn An", roles: ["inspector"], units: ["*"] },
  otherInspector: { sub: "insp-binh", name: "Lý Thị Bình", roles: ["inspector"], units: ["*"] },
  sgAdmin: { sub: "sg-admin", name: "Lê Thị Hoa", roles: ["unit_admin"], units: [SAI_GON] },
  bdAdmin: { sub: "bd-admin", name: "Võ Văn Kiệt", roles: ["unit_admin"], units: ["27592"] },
} satisfies Record<string, Principal>;

const official = (id: string, unit: string, active = true): [string, OfficialFacts] => [id, { id, fullName: id, unit, active }];
const officials = new Map([
  official("insp-an", "26743"),
  official("insp-binh", "26743"),
  official("o-lan", SAI_GON),
  official("o-hai", SAI_GON, false),
  official("bd-officer", "27592"),
]);

// 2026-03-10 10:00 in Vietnam.
const NOW = new Date("2026-03-10T03:00:00.000Z");
const ctxOf = (principal: Principal, extra: Partial<InspectionContext> = {}): InspectionContext => ({
  principal,
  now: NOW,
  checklist: CHECKLISTS["5-ro"],
  officials,
  knownUnits: new Set([SAI_GON, "27592", "26743"]),
  ...extra,
});
const given = forDecider<InspectionCommand, InspectionEvent, ReturnType<typeof evolve>, InspectionContext>(
  { decide, evolve, initialState: null },
  ctxOf(people.inspector),
);

const plan: InspectionCommand = {
  type: "PlanInspection",
  inspectionId: "i-1",
  inspectedUnit: SAI_GON,
  scope: "Thực hiện Nghị quyết Đại hội",
  date: "2026-03-12",
  team: ["insp-an"],
  lead: "insp-an",
};
const planned: InspectionEvent = {
  type: "InspectionPlanned",
  data: {
    inspectionId: "i-1",
    inspectedUnit: SAI_GON,
    scope: "Thực hiện Nghị quyết Đại hội",
    date: "2026-03-12",
    team: ["insp-an"],
    lead: "insp-an",
    by: { name: people.inspector.name, authority: "inspector" },
  },
};
const followUp = {
  title: "Bổ sung biên bản họp khu phố",
  deliverable: "Biên bản",
  expectedResult: "Đủ biên bản 10/10 khu phố",
  deadline: "2026-04-15",
  leadOwner: "o-lan",
};
const findings: FindingInput[] = [
  { summary: "Chưa lưu biên bản họp của 3 khu phố", severity: "MODERATE", followUp },
  { summary: "Công tác tuyên truyền tốt", severity: "MINOR" },
];
const record: InspectionCommand = { type: "RecordInspectionFindings", inspectionId: "i-1", findings };
const recorded: InspectionEvent = {
  type: "InspectionFindingsRecorded",
  data: {
    inspectionId: "i-1",
    inspectedUnit: SAI_GON,
    findings: [
      { summary: "Chưa lưu biên bản họp của 3 khu phố", severity: "MODERATE", followUp: { taskId: "i-1-finding-1", ...followUp } },
      { summary: "Công tác tuyên truyền tốt", severity: "MINOR" },
    ],
    recordedAt: NOW.toISOString(),
    by: { name: people.inspector.name, authority: "inspection lead" },
  },
};

describe("planning an inspection", () => {
  it("is the city's: an inspector plans one of a ward, leading the team", () => {
    const { state } = given().when(plan).then([planned]);
    expect(state).toMatchObject({ status: "PLANNED", inspectedUnit: SAI_GON, team: ["insp-an"], findings: [] });
  });

  it("refuses a unit code that is not one of the official units", () => {
    given()
      .when({ ...plan, inspectedUnit: "00000" })
      .thenError({ code: "VALIDATION", fields: [{ path: ["inspectedUnit"] }] });
  });

  it("adds the lead to the team when left out", () => {
    const { events } = given()
      .when({ ...plan, team: ["insp-binh"] }, ctxOf(people.city))
      .then([
        {
          type: "InspectionPlanned",
          data: { ...planned.data, team: ["insp-an", "insp-binh"], by: { name: people.city.name, authority: "city_admin" } },
        },
      ]);
    expect(events).toHaveLength(1);
  });

  it("takes known, active officials only on the team, naming each one that is not", () => {
    const error = given()
      .when({ ...plan, team: ["insp-binh", "o-ghost", "o-hai"], lead: "insp-nobody" })
      .thenError<{ fields: { path: string[]; message: string }[] }>({ code: "VALIDATION" });
    expect(error.fields.map((field) => field.path.join("."))).toEqual(["lead", "team.1", "team.2"]);
  });

  it("is refused to ward admins, even of the ward itself", () => {
    given().when(plan, ctxOf(people.sgAdmin)).thenError({ code: "NOT_ALLOWED" });
  });
});

describe("recording findings", () => {
  it("gives each follow-up a task id derived from the inspection and the finding's position", () => {
    const { state } = given(planned).when(record).then([recorded]);
    expect(state).toMatchObject({
      status: "FINDINGS_RECORDED",
      findings: [{ followUp: { taskId: followUpTaskId("i-1", 0) } }, { severity: "MINOR" }],
    });
  });

  it("records nothing new when the same findings come again (a retry), and refuses different ones", () => {
    given(planned, recorded).when(record).then([]);
    given(planned, recorded)
      .when({ ...record, findings: [findings[1] as FindingInput] })
      .thenError({ code: "INVALID_TRANSITION" });
  });

  it("refuses follow-ups that could not be assigned: incomplete checklist or a deadline already past", () => {
    const incomplete = { summary: "Thiếu kế hoạch", severity: "SERIOUS" as const, followUp: { ...followUp, deadline: "2026-03-01" } };
    const error = given(planned)
      .when({ ...record, findings: [incomplete] }, ctxOf(people.inspector, { checklist: CHECKLISTS["6-ro"] }))
      .thenError<{ fields: { path: string[] }[] }>({ code: "VALIDATION" });
    expect(error.fields.map((field) => field.path.join("."))).toEqual([
      "findings.0.followUp.responsibility",
      "findings.0.followUp.authority",
      "findings.0.followUp.deadline",
    ]);
  });

  it("wants each follow-up's lead owner to be an active official of the inspected ward", () => {
    const withLead = (leadOwner: string): InspectionCommand => ({
      ...record,
      findings: [{ ...findings[0], followUp: { ...followUp, leadOwner } } as FindingInput],
    });
    const wrongUnit = given(planned)
      .when(withLead("bd-officer"))
      .thenError<{ fields: { path: string[]; message: string }[] }>({ code: "VALIDATION" });
    expect(wrongUnit.fields.map((field) => field.path.join("."))).toEqual(["findings.0.followUp.leadOwner"]);
    given(planned)
      .when(withLead("o-ghost"))
      .thenError({ code: "VALIDATION", fields: [{ path: ["findings", "0", "followUp", "leadOwner"] }] });
  });

  it("is for a city admin or an inspector on the team; another ward does not learn the inspection exists", () => {
    given(planned)
      .when(record, ctxOf(people.city))
      .then([{ ...recorded, data: { ...recorded.data, by: { name: people.city.name, authority: "city_admin" } } }]);
    given(planned).when(record, ctxOf(people.otherInspector)).thenError({ code: "NOT_ALLOWED" });
    given(planned).when(record, ctxOf(people.sgAdmin)).thenError({ code: "NOT_ALLOWED" });
    given(planned).when(record, ctxOf(people.bdAdmin)).thenError({ code: "NOT_FOUND" });
    given().when(record).thenError({ code: "NOT_FOUND" });
  });
});
