import { describe, expect, it } from "vitest";
import type { Principal } from "@lienthong/auth/principal";
import { unitLabel } from "@lienthong/contracts/labels";
import { forDecider } from "@lienthong/testing/given-when-then";
import type { OfficialFacts } from "../officials/official";
import { CHECKLISTS } from "./checklist";
import { decide } from "./task";
import { evolve } from "./task-evolve";
import type { TaskCommand, TaskContext, TaskEvent } from "./task-types";

const SAI_GON = "26740";
const BA_DIEM = "27592";
const people = {
  city: { sub: "city-admin", name: "Trần Văn Thành", roles: ["city_admin"], units: ["*"] },
  viewer: { sub: "city-viewer", name: "Ngô Bảo", roles: ["city_viewer"], units: ["*"] },
  sgAdmin: { sub: "sg-admin", name: "Lê Thị Hoa", roles: ["unit_admin"], units: [SAI_GON] },
  sgOfficer: { sub: "sg-officer", name: "Phạm Minh", roles: ["unit_officer"], units: [SAI_GON] },
  lan: { sub: "o-lan", name: "Nguyễn Thị Lan", roles: ["unit_officer"], units: [SAI_GON] },
  bdAdmin: { sub: "bd-admin", name: "Võ Văn Kiệt", roles: ["unit_admin"], units: [BA_DIEM] },
} satisfies Record<string, Principal>;

const official = (id: string, unit: string, active = true): [string, OfficialFacts] => [id, { id, fullName: id, unit, active }];
/** The officials directory has announced to the tasks service. */
const officials = new Map([
  official("o-lan", SAI_GON),
  official("o-minh", SAI_GON),
  official("o-hai", SAI_GON, false),
  official("bd-officer", BA_DIEM),
]);

// 2026-03-10 10:00 in Vietnam.
const MORNING = new Date("2026-03-10T03:00:00.000Z");
const ctxOf = (principal: Principal, now = MORNING, extra: Partial<TaskContext> = {}): TaskContext => ({
  principal,
  now,
  checklist: CHECKLISTS["5-ro"],
  reminderOffsets: [3, 1],
  officials,
  knownUnits: new Set([SAI_GON, BA_DIEM]),
  ...extra,
});
const given = forDecider<TaskCommand, TaskEvent, ReturnType<typeof evolve>, TaskContext>(
  { decide, evolve, initialState: null },
  ctxOf(people.sgOfficer),
);
const byOf = (principal: Principal, authority: string) => ({ name: principal.name, authority });
const ref = { taskId: "t-1", unit: SAI_GON };

const complete = {
  title: "Tổ chức hội nghị triển khai Nghị quyết Đại hội",
  description: "Hội nghị quán triệt Nghị quyết Đại hội MTTQ phường nhiệm kỳ 2025–2030 đến các Ban Công tác Mặt trận.",
  leadOwner: "o-lan",
  coOwners: ["o-minh"],
  deliverable: "Biên bản hội nghị và danh sách đại biểu",
  expectedResult: "100% khu phố được quán triệt",
  deadline: "2026-03-20",
  milestones: [{ title: "Gửi giấy mời", due: "2026-03-15" }],
  priority: "HIGH" as const,
};
const added: TaskEvent = {
  type: "TaskAdded",
  data: { ...ref, assigningUnit: SAI_GON, ...complete, by: byOf(people.sgOfficer, `unit_officer of ${SAI_GON}`) },
};
const assigned: TaskEvent = {
  type: "TaskAssigned",
  data: {
    ...ref,
    leadOwner: "o-lan",
    coOwners: ["o-minh"],
    deadline: "2026-03-20",
    by: byOf(people.sgOfficer, `unit_officer of ${SAI_GON}`),
  },
};
const accepted: TaskEvent = { type: "TaskAccepted", data: { ...ref, by: byOf(people.lan, "lead owner") } };
const submittedAt = (iso: string): TaskEvent => ({
  type: "TaskSubmitted",
  data: { ...ref, submittedAt: iso, by: byOf(people.lan, "lead owner") },
});
const inProgress = [added, assigned, accepted];

describe("adding and assigning a task", () => {
  it("starts as a draft assigned by the unit that adds it", () => {
    const { state } = given().when({ type: "AddTask", taskId: "t-1", unit: SAI_GON, details: complete }).then([added]);
    expect(state).toMatchObject({ status: "DRAFT", assigningUnit: SAI_GON, leadOwner: "o-lan", progress: 0 });
  });

  it("lets the city add a task for any ward, but not one ward for another", () => {
    const inBaDiem = { ...complete, leadOwner: "bd-officer", coOwners: [] };
    given()
      .when({ type: "AddTask", taskId: "t-1", unit: BA_DIEM, assigningUnit: "*", details: inBaDiem }, ctxOf(people.city))
      .then([
        { type: "TaskAdded", data: { taskId: "t-1", unit: BA_DIEM, assigningUnit: "*", ...inBaDiem, by: byOf(people.city, "city_admin") } },
      ]);
    given()
      .when({ type: "AddTask", taskId: "t-1", unit: BA_DIEM, assigningUnit: SAI_GON, details: complete })
      .thenError({ code: "VALIDATION" });
    given()
      .when({ type: "AddTask", taskId: "t-1", unit: SAI_GON, details: complete }, ctxOf(people.bdAdmin))
      .thenError({ code: "NOT_ALLOWED" });
    given()
      .when({ type: "AddTask", taskId: "t-1", unit: SAI_GON, details: complete }, ctxOf(people.viewer))
      .thenError({ code: "NOT_ALLOWED" });
  });

  it("refuses a unit code that is not one of the official units, even from the city", () => {
    given()
      .when({ type: "AddTask", taskId: "t-1", unit: "00000", assigningUnit: "*", details: complete }, ctxOf(people.city))
      .thenError({ code: "VALIDATION", fields: [{ path: ["unit"] }] });
  });

  it("takes the programme's issuing unit as the assigning unit and refuses closed or unknown programmes", () => {
    const add: TaskCommand = { type: "AddTask", taskId: "t-1", unit: SAI_GON, programmeId: "p-1", details: complete };
    const { events } = given()
      .when(add, ctxOf(people.city, MORNING, { programme: { issuingUnit: "*", closed: false } }))
      .then([
        { type: "TaskAdded", data: { ...ref, assigningUnit: "*", programmeId: "p-1", ...complete, by: byOf(people.city, "city_admin") } },
      ]);
    expect(events).toHaveLength(1);
    given()
      .when(add, ctxOf(people.city, MORNING, { programme: { issuingUnit: "*", closed: true } }))
      .thenError({ code: "INVALID_TRANSITION" });
    given()
      .when(add, ctxOf(people.city, MORNING, { programme: null }))
      .thenError({ code: "NOT_FOUND" });
  });

  it("clears optional details of a draft, which assignment then asks for again", () => {
    const clear: TaskCommand = { type: "UpdateTask", taskId: "t-1", changes: {}, cleared: ["leadOwner", "deadline"] };
    const updated: TaskEvent = {
      type: "TaskUpdated",
      data: { ...ref, changes: {}, cleared: ["leadOwner", "deadline"], by: byOf(people.sgOfficer, `unit_officer of ${SAI_GON}`) },
    };
    const { state } = given(added).when(clear).then([updated]);
    expect(state).not.toHaveProperty("leadOwner");
    expect(state).not.toHaveProperty("deadline");
    const error = given(added, updated)
      .when({ type: "AssignTask", taskId: "t-1" })
      .thenError<{ fields: { path: string[] }[] }>({ code: "VALIDATION" });
    expect(error.fields.map((field) => field.path)).toEqual([
      ["checklist", "LEAD_OWNER"],
      ["checklist", "DEADLINE"],
    ]);
    given(added)
      .when({ type: "UpdateTask", taskId: "t-1", changes: {}, cleared: [] })
      .thenError({ code: "VALIDATION", fields: [{ path: ["input"] }] });
  });

  it("assigns a task whose 5 rõ are all answered", () => {
    const { state } = given(added).when({ type: "AssignTask", taskId: "t-1" }).then([assigned]);
    expect(state?.status).toBe("ASSIGNED");
  });

  it("refuses to assign an incomplete task, listing every missing rõ", () => {
    const bare: TaskEvent = {
      type: "TaskAdded",
      data: {
        ...ref,
        assigningUnit: SAI_GON,
        title: "Việc chưa rõ",
        coOwners: [],
        milestones: [],
        priority: "NORMAL",
        by: byOf(people.sgOfficer, "x"),
      },
    };
    const error = given(bare)
      .when({ type: "AssignTask", taskId: "t-1" })
      .thenError<{ code: string; fields: { path: string[] }[] }>({ code: "VALIDATION" });
    expect(error.fields.map((field) => field.path)).toEqual([
      ["checklist", "TASK"],
      ["checklist", "LEAD_OWNER"],
      ["checklist", "DELIVERABLE"],
      ["checklist", "EXPECTED_RESULT"],
      ["checklist", "DEADLINE"],
    ]);
  });

  it("asks for responsibility and authority too when the 6 rõ checklist is configured", () => {
    const sixRo = ctxOf(people.sgOfficer, MORNING, { checklist: CHECKLISTS["6-ro"] });
    const error = given(added)
      .when({ type: "AssignTask", taskId: "t-1" }, sixRo)
      .thenError<{ fields: { path: string[] }[] }>({ code: "VALIDATION" });
    expect(error.fields.map((field) => field.path[1])).toEqual(["RESPONSIBILITY", "AUTHORITY"]);
    const filled: TaskEvent = {
      type: "TaskUpdated",
      data: {
        ...ref,
        changes: { responsibility: "Chị Lan chịu trách nhiệm chính", authority: "Chủ tịch UB MTTQ phường" },
        by: byOf(people.sgOfficer, "x"),
      },
    };
    given(added, filled).when({ type: "AssignTask", taskId: "t-1" }, sixRo).then([assigned]);
  });

  it("edits only drafts", () => {
    given(added)
      .when({ type: "UpdateTask", taskId: "t-1", changes: { deadline: "2026-03-25" } })
      .then([
        {
          type: "TaskUpdated",
          data: { ...ref, changes: { deadline: "2026-03-25" }, by: byOf(people.sgOfficer, `unit_officer of ${SAI_GON}`) },
        },
      ]);
    given(added, assigned)
      .when({ type: "UpdateTask", taskId: "t-1", changes: { deadline: "2026-03-25" } })
      .thenError({ code: "INVALID_TRANSITION" });
  });
});

describe("owners", () => {
  const add = (details: Partial<typeof complete>, unit = SAI_GON, assigningUnit?: string): TaskCommand => ({
    type: "AddTask",
    taskId: "t-1",
    unit,
    ...(assigningUnit ? { assigningUnit } : {}),
    details: { ...complete, ...details },
  });
  const paths = (error: { fields: { path: string[] }[] }) => error.fields.map((field) => field.path.join("."));

  it("refuses a lead owner or co-owner directory has not announced, saying it may be too early", () => {
    const error = given()
      .when(add({ leadOwner: "o-ghost", coOwners: ["o-minh", "o-nobody"] }))
      .thenError<{ fields: { path: string[]; message: string }[] }>({ code: "VALIDATION" });
    expect(paths(error)).toEqual(["leadOwner", "coOwners.1"]);
  });

  it("refuses deactivated officials as lead owner and as co-owner", () => {
    const error = given()
      .when(add({ leadOwner: "o-hai", coOwners: ["o-hai"] }))
      .thenError<{ fields: { path: string[]; message: string }[] }>({ code: "VALIDATION" });
    expect(paths(error)).toEqual(["leadOwner", "coOwners.0"]);
  });

  it("wants the lead owner in the unit that carries the task out, even when the city assigns it; co-owners may come from any unit", () => {
    const error = given()
      .when(add({ leadOwner: "bd-officer" }))
      .thenError<{ fields: { path: string[]; message: string }[] }>({ code: "VALIDATION" });
    expect(paths(error)).toEqual(["leadOwner"]);
    expect(error.fields[0]?.message).toContain(unitLabel(SAI_GON));
    given()
      .when(add({ leadOwner: "o-lan" }, BA_DIEM, "*"), ctxOf(people.city))
      .thenError({ code: "VALIDATION" });
    given()
      .when(add({ coOwners: ["bd-officer"] }))
      .then([{ ...added, data: { ...added.data, coOwners: ["bd-officer"] } } as TaskEvent]);
  });

  it("checks the owners a draft is changed to, and only those", () => {
    const update = (changes: Partial<typeof complete>): TaskCommand => ({ type: "UpdateTask", taskId: "t-1", changes });
    const error = given(added)
      .when(update({ leadOwner: "bd-officer" }))
      .thenError<{ fields: { path: string[] }[] }>({ code: "VALIDATION" });
    expect(error.fields.map((field) => field.path)).toEqual([["leadOwner"]]);
    given(added)
      .when(update({ coOwners: ["o-minh", "o-ghost"] }))
      .thenError({ code: "VALIDATION", fields: [{ path: ["coOwners", "1"] }] });
    given(added)
      .when(update({ deadline: "2026-03-25" }), ctxOf(people.sgOfficer, MORNING, { officials: new Map() }))
      .then([
        {
          type: "TaskUpdated",
          data: { ...ref, changes: { deadline: "2026-03-25" }, by: byOf(people.sgOfficer, `unit_officer of ${SAI_GON}`) },
        },
      ]);
  });

  it("tells another ward it may not add the task before saying anything about the officials named", () => {
    given()
      .when(add({ leadOwner: "o-ghost" }), ctxOf(people.bdAdmin))
      .thenError({ code: "NOT_ALLOWED" });
  });
});

describe("working on a task", () => {
  it("is accepted by the unit and then reported on by the lead owner any number of times", () => {
    const report: TaskCommand = {
      type: "ReportTaskProgress",
      taskId: "t-1",
      percent: 40,
      note: "Đã gửi giấy mời",
      evidence: ["https://example.vn/giay-moi.pdf"],
    };
    const { state } = given(added, assigned).when({ type: "AcceptTask", taskId: "t-1" }, ctxOf(people.lan)).then([accepted]);
    expect(state?.status).toBe("IN_PROGRESS");
    const reported: TaskEvent = {
      type: "TaskProgressReported",
      data: {
        ...ref,
        percent: 40,
        note: "Đã gửi giấy mời",
        evidence: ["https://example.vn/giay-moi.pdf"],
        reportedAt: MORNING.toISOString(),
        by: byOf(people.lan, "lead owner"),
      },
    };
    given(...inProgress)
      .when(report, ctxOf(people.lan))
      .then([reported]);
    const again = given(...inProgress, reported)
      .when({ ...report, percent: 70 }, ctxOf(people.lan))
      .then([{ type: "TaskProgressReported", data: { ...reported.data, percent: 70 } } as TaskEvent]);
    expect(again.state?.progress).toBe(70);
  });

  it("lets only the lead owner report and submit", () => {
    given(...inProgress)
      .when({ type: "ReportTaskProgress", taskId: "t-1", percent: 10, note: "x", evidence: [] }, ctxOf(people.sgOfficer))
      .thenError({ code: "NOT_ALLOWED" });
    given(...inProgress)
      .when({ type: "SubmitTask", taskId: "t-1" }, ctxOf(people.sgAdmin))
      .thenError({ code: "NOT_ALLOWED" });
  });

  it("refuses reporting on a cancelled task and confirming a draft", () => {
    const cancelled: TaskEvent = { type: "TaskCancelled", data: { ...ref, reason: "Trùng nhiệm vụ", by: byOf(people.sgAdmin, "x") } };
    given(...inProgress, cancelled)
      .when({ type: "ReportTaskProgress", taskId: "t-1", percent: 10, note: "x", evidence: [] }, ctxOf(people.lan))
      .thenError({ code: "INVALID_TRANSITION", from: "cancelled", attempted: "report progress" });
    given(added)
      .when({ type: "ConfirmTask", taskId: "t-1" }, ctxOf(people.sgAdmin))
      .thenError({ code: "INVALID_TRANSITION", from: "draft" });
  });

  it("hides another ward's task behind not found, for reading and for changing", () => {
    const hidden = given(...inProgress)
      .when({ type: "CancelTask", taskId: "t-1", reason: "x" }, ctxOf(people.bdAdmin))
      .thenError({ code: "NOT_FOUND" });
    const missing = given()
      .when({ type: "CancelTask", taskId: "t-1", reason: "x" }, ctxOf(people.bdAdmin))
      .thenError({ code: "NOT_FOUND" });
    expect(hidden).toEqual(missing);
  });
});

describe("rules a ward office expects", () => {
  // 2026-03-21 00:30 in Vietnam, still 2026-03-20 in UTC: the calendar day that counts is Vietnam's.
  const dayAfterDeadline = new Date("2026-03-20T17:30:00.000Z");
  const lastHourOfDeadline = new Date("2026-03-20T16:30:00.000Z");

  it("refuses to add a task whose deadline day is already over in Vietnam", () => {
    given()
      .when({ type: "AddTask", taskId: "t-1", unit: SAI_GON, details: complete }, ctxOf(people.sgOfficer, dayAfterDeadline))
      .thenError({ code: "VALIDATION", fields: [{ path: ["deadline"] }] });
    given()
      .when({ type: "AddTask", taskId: "t-1", unit: SAI_GON, details: complete }, ctxOf(people.sgOfficer, lastHourOfDeadline))
      .then([added]);
  });

  it("refuses to assign a draft whose deadline has passed meanwhile", () => {
    given(added)
      .when({ type: "AssignTask", taskId: "t-1" }, ctxOf(people.sgOfficer, dayAfterDeadline))
      .thenError({ code: "VALIDATION", fields: [{ path: ["deadline"] }] });
  });

  it("lets progress go down only with the reason why, which the report then records", () => {
    const report = (percent: number, decreaseReason?: string): TaskCommand => ({
      type: "ReportTaskProgress",
      taskId: "t-1",
      percent,
      note: "Cập nhật tiến độ",
      evidence: [],
      ...(decreaseReason === undefined ? {} : { decreaseReason }),
    });
    const at60: TaskEvent = {
      type: "TaskProgressReported",
      data: {
        ...ref,
        percent: 60,
        note: "Cập nhật tiến độ",
        evidence: [],
        reportedAt: MORNING.toISOString(),
        by: byOf(people.lan, "lead owner"),
      },
    };
    given(...inProgress, at60)
      .when(report(40), ctxOf(people.lan))
      .thenError({ code: "VALIDATION", fields: [{ path: ["decreaseReason"] }] });
    given(...inProgress, at60)
      .when(report(40, "  "), ctxOf(people.lan))
      .thenError({ code: "VALIDATION", fields: [{ path: ["decreaseReason"] }] });
    const { state } = given(...inProgress, at60)
      .when(report(40, "Hội trường chưa sửa xong, phải dời hội nghị"), ctxOf(people.lan))
      .then([
        {
          type: "TaskProgressReported",
          data: { ...at60.data, percent: 40, decreaseReason: "Hội trường chưa sửa xong, phải dời hội nghị" },
        } as TaskEvent,
      ]);
    expect(state?.progress).toBe(40);
    given(...inProgress, at60)
      .when(report(60, "không cần"), ctxOf(people.lan))
      .then([at60]);
  });
});

describe("confirming and returning", () => {
  const onTime = submittedAt("2026-03-20T16:59:59.000Z"); // 23:59:59 on the deadline day in Vietnam
  const late = submittedAt("2026-03-20T17:00:00.000Z"); // 00:00 the next day in Vietnam

  it("counts work handed in by the end of the deadline day (Vietnam time) as on time", () => {
    const { state } = given(...inProgress, onTime)
      .when({ type: "ConfirmTask", taskId: "t-1" }, ctxOf(people.sgAdmin))
      .then([
        {
          type: "TaskConfirmed",
          data: {
            ...ref,
            completion: "ON_TIME",
            deadline: "2026-03-20",
            submittedAt: "2026-03-20T16:59:59.000Z",
            by: byOf(people.sgAdmin, `unit_admin of ${SAI_GON}`),
          },
        },
      ]);
    expect(state).toMatchObject({ status: "DONE", completion: "ON_TIME", progress: 100 });
  });

  it("counts work handed in after the deadline day as late", () => {
    const error = given(...inProgress, late)
      .when({ type: "ConfirmTask", taskId: "t-1" }, ctxOf(people.city))
      .then([
        {
          type: "TaskConfirmed",
          data: {
            ...ref,
            completion: "LATE",
            deadline: "2026-03-20",
            submittedAt: "2026-03-20T17:00:00.000Z",
            by: byOf(people.city, "city_admin"),
          },
        },
      ]);
    expect(error.state?.completion).toBe("LATE");
  });

  it("is decided by the assigning unit's admin, never by an officer or the lead owner", () => {
    given(...inProgress, onTime)
      .when({ type: "ConfirmTask", taskId: "t-1" }, ctxOf(people.sgOfficer))
      .thenError({ code: "NOT_ALLOWED" });
    const lanAsAdmin = { ...people.lan, roles: ["unit_admin" as const] };
    given(...inProgress, onTime)
      .when({ type: "ConfirmTask", taskId: "t-1" }, ctxOf(lanAsAdmin))
      .thenError({ code: "NOT_ALLOWED" });
  });

  it("returns submitted work to in progress with a reason, to be handed in again", () => {
    const { state } = given(...inProgress, onTime)
      .when({ type: "ReturnTask", taskId: "t-1", reason: "Thiếu biên bản" }, ctxOf(people.sgAdmin))
      .then([{ type: "TaskReturned", data: { ...ref, reason: "Thiếu biên bản", by: byOf(people.sgAdmin, `unit_admin of ${SAI_GON}`) } }]);
    expect(state).toMatchObject({ status: "IN_PROGRESS", returnReason: "Thiếu biên bản" });
    expect(state?.submittedAt).toBeUndefined();
  });
});

describe("extensions", () => {
  const requested: TaskEvent = {
    type: "TaskExtensionRequested",
    data: {
      ...ref,
      currentDeadline: "2026-03-20",
      requestedDeadline: "2026-03-31",
      reason: "Chờ lịch hội trường",
      by: byOf(people.lan, "lead owner"),
    },
  };

  it("records the new deadline with its reason and who granted it", () => {
    given(...inProgress)
      .when({ type: "RequestExtension", taskId: "t-1", newDeadline: "2026-03-31", reason: "Chờ lịch hội trường" }, ctxOf(people.lan))
      .then([requested]);
    const { state } = given(...inProgress, requested)
      .when({ type: "GrantExtension", taskId: "t-1", reason: "Đồng ý" }, ctxOf(people.sgAdmin))
      .then([
        {
          type: "TaskExtensionGranted",
          data: {
            ...ref,
            previousDeadline: "2026-03-20",
            newDeadline: "2026-03-31",
            reason: "Đồng ý",
            by: byOf(people.sgAdmin, `unit_admin of ${SAI_GON}`),
          },
        },
      ]);
    expect(state).toMatchObject({
      deadline: "2026-03-31",
      extensions: [{ previousDeadline: "2026-03-20", newDeadline: "2026-03-31", grantedBy: "Lê Thị Hoa" }],
    });
    expect(state?.pendingExtension).toBeUndefined();
  });

  it("keeps the deadline when rejected, and refuses a deadline that is not later", () => {
    const { state } = given(...inProgress, requested)
      .when({ type: "RejectExtension", taskId: "t-1", reason: "Không đủ căn cứ" }, ctxOf(people.sgAdmin))
      .then([
        {
          type: "TaskExtensionRejected",
          data: {
            ...ref,
            requestedDeadline: "2026-03-31",
            reason: "Không đủ căn cứ",
            by: byOf(people.sgAdmin, `unit_admin of ${SAI_GON}`),
          },
        },
      ]);
    expect(state).toMatchObject({ deadline: "2026-03-20" });
    given(...inProgress)
      .when({ type: "RequestExtension", taskId: "t-1", newDeadline: "2026-03-19", reason: "x" }, ctxOf(people.lan))
      .thenError({ code: "VALIDATION" });
    given(...inProgress)
      .when({ type: "GrantExtension", taskId: "t-1", reason: "x" }, ctxOf(people.sgAdmin))
      .thenError({ code: "INVALID_TRANSITION" });
  });
});

describe("overdue and reminders", () => {
  const afterDeadline = new Date("2026-03-20T17:00:00.000Z");
  const overdue: TaskEvent = {
    type: "TaskBecameOverdue",
    data: { ...ref, leadOwner: "o-lan", deadline: "2026-03-20", by: { name: "Lịch nhắc việc tự động", authority: "schedule" } },
  };
  const mark: TaskCommand = { type: "MarkTaskOverdue", taskId: "t-1" };

  it("marks an unfinished task overdue once its deadline day has ended in Vietnam, once per deadline", () => {
    given(...inProgress)
      .when(mark, ctxOf(people.city, new Date("2026-03-20T16:59:59.999Z")))
      .then([]);
    given(...inProgress)
      .when(mark, ctxOf(people.city, afterDeadline))
      .then([overdue]);
    given(...inProgress, overdue)
      .when(mark, ctxOf(people.city, afterDeadline))
      .then([]);
  });

  it("marks it again after an extension whose new deadline also passes", () => {
    const granted: TaskEvent = {
      type: "TaskExtensionGranted",
      data: { ...ref, previousDeadline: "2026-03-20", newDeadline: "2026-03-31", reason: "x", by: byOf(people.sgAdmin, "x") },
    };
    given(...inProgress, overdue, granted)
      .when(mark, ctxOf(people.city, new Date("2026-03-25T00:00:00Z")))
      .then([]);
    given(...inProgress, overdue, granted)
      .when(mark, ctxOf(people.city, new Date("2026-04-01T00:00:00Z")))
      .then([{ ...overdue, data: { ...overdue.data, deadline: "2026-03-31" } } as TaskEvent]);
  });

  it("never marks work handed in on time, done or cancelled", () => {
    given(...inProgress, submittedAt("2026-03-19T01:00:00.000Z"))
      .when(mark, ctxOf(people.city, afterDeadline))
      .then([]);
    given(added).when(mark, ctxOf(people.city, afterDeadline)).then([]);
  });

  it("reminds 3 days and 1 day before the deadline, each once", () => {
    const remind: TaskCommand = { type: "SendTaskReminder", taskId: "t-1" };
    const reminder = (daysBefore: number): TaskEvent => ({
      type: "TaskReminderDue",
      data: {
        ...ref,
        leadOwner: "o-lan",
        deadline: "2026-03-20",
        daysBefore,
        by: { name: "Lịch nhắc việc tự động", authority: "schedule" },
      },
    });
    given(...inProgress)
      .when(remind, ctxOf(people.city, new Date("2026-03-16T16:59:59Z")))
      .then([]);
    given(...inProgress)
      .when(remind, ctxOf(people.city, new Date("2026-03-16T17:00:00Z")))
      .then([reminder(3)]);
    given(...inProgress, reminder(3))
      .when(remind, ctxOf(people.city, new Date("2026-03-18T10:00:00Z")))
      .then([]);
    given(...inProgress, reminder(3))
      .when(remind, ctxOf(people.city, new Date("2026-03-19T01:00:00Z")))
      .then([reminder(1)]);
    given(...inProgress, reminder(3), reminder(1))
      .when(remind, ctxOf(people.city, new Date("2026-03-19T05:00:00Z")))
      .then([]);
  });
});
