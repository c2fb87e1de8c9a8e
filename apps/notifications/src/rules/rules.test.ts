import { describe, expect, it } from "vitest";
import { officialRegistered } from "@lienthong/contracts/directory";
import { buildEnvelope, type EventDeclaration } from "@lienthong/contracts/registry";
import {
  recommendationBecameOverdue,
  recommendationIssued,
  taskBecameOverdue,
  taskCancelled,
  taskConfirmed,
  taskExtensionGranted,
  taskExtensionRequested,
  taskSubmitted,
} from "@lienthong/contracts/tasks";
import type { z } from "zod";
import { CITY_COMMITTEE } from "@lienthong/contracts/labels";
import { ALL_RULES, rulesFor } from "./all-rules";
import { unitName } from "./format";
import { NOTIFICATION_KINDS } from "./kinds";
import type { OfficialFacts, RecipientLookup, RecommendationFacts, TaskFacts } from "./rule";

const SAI_GON = "26740";
const BEN_THANH = "26743";
const BA_DIEM = "27592";
const by = { name: "Nguyễn Thị Lan", authority: "lead owner" };

const officials: OfficialFacts[] = [
  { id: "sg-admin", fullName: "Nguyễn Thị Lan", unit: SAI_GON, roles: ["unit_admin"], active: true },
  { id: "sg-officer", fullName: "Phạm Văn Minh", unit: SAI_GON, roles: ["unit_officer"], active: true },
  { id: "bt-admin", fullName: "Võ Minh Tuấn", unit: BEN_THANH, roles: ["unit_admin"], active: true },
  { id: "bt-officer", fullName: "Đặng Thu Hà", unit: BEN_THANH, roles: ["unit_officer"], active: true },
  { id: "city-admin", fullName: "Trần Văn Thành", unit: "*", roles: ["city_admin"], active: true },
  { id: "city-admin-2", fullName: "Lâm Quốc Bảo", unit: BA_DIEM, roles: ["unit_admin", "city_admin"], active: true },
  { id: "city-viewer", fullName: "Đoàn Thị Thu", unit: "*", roles: ["city_viewer"], active: true },
];
const task: TaskFacts = {
  id: "task-1",
  title: "Tổng kết phong trào",
  unit: SAI_GON,
  assigningUnit: BEN_THANH,
  leadOwner: "sg-officer",
  coOwners: ["sg-admin"],
};
/** Assigned by its own ward, as most of a ward's work is: the lead owner who submits is one of the assigning unit's staff. */
const ownTask: TaskFacts = {
  id: "task-3",
  title: "Thăm hỏi hộ gia đình chính sách",
  unit: SAI_GON,
  assigningUnit: SAI_GON,
  leadOwner: "sg-officer",
  coOwners: [],
};
/** Assigned by the city committee itself, as city programmes' tasks and inspection follow-ups are. */
const cityTask: TaskFacts = {
  id: "task-2",
  title: "Khắc phục sau kiểm tra",
  unit: SAI_GON,
  assigningUnit: "*",
  leadOwner: "sg-officer",
  coOwners: [],
};
const recommendation: RecommendationFacts = {
  id: "rec-1",
  supervisionId: "sup-1",
  supervisedBody: SAI_GON,
  content: "Công khai danh sách hộ nghèo được hỗ trợ tại trụ sở khu phố",
  answerDueDate: "2026-04-30",
  supervisionSubject: "Thực hiện chính sách hỗ trợ hộ nghèo năm 2026",
};

/** The read models as plain data: rules only ever ask these questions. */
const lookup: RecipientLookup = {
  task: async (id) => [task, cityTask, ownTask].find((known) => known.id === id) ?? null,
  officialsOf: async (unit, role) => officials.filter((o) => o.unit === unit && (role === undefined || o.roles.includes(role))),
  officialsWithRole: async (role) => officials.filter((o) => o.roles.includes(role)),
};

async function outcome<S extends z.ZodType>(
  declaration: EventDeclaration<S>,
  data: z.input<S>,
  known: { recommendation?: RecommendationFacts | null; actor?: string } = {},
) {
  const [rule] = rulesFor(declaration.type);
  if (!rule) throw new Error(`no rule for ${declaration.type}`);
  const envelope = buildEnvelope(declaration, {
    aggregateId: "x",
    aggregateVersion: 1,
    data,
    time: new Date(),
    context: { actor: known.actor ?? "someone-else", correlationid: "c" },
  });
  const parsed = rule.event.schema.parse(envelope.data);
  const recipients = await rule.recipients(parsed, lookup, envelope);
  const taskId = rule.taskId?.(parsed);
  const taskFacts = taskId === undefined ? task : await lookup.task(taskId);
  const messages = recipients.map((recipient) =>
    rule.message(parsed, {
      task: taskFacts,
      recommendation: known.recommendation === undefined ? recommendation : known.recommendation,
      recipient,
    }),
  );
  return { kind: rule.kind, recipients, messages };
}

describe("notification rules", () => {
  it("tell the assigning unit's officers when a task is submitted", async () => {
    const result = await outcome(taskSubmitted, { taskId: "task-1", unit: SAI_GON, submittedAt: "2026-03-10T09:00:00+07:00", by });
    expect(result.recipients).toEqual(["bt-admin", "bt-officer"]);
    expect(result.messages[0]).toEqual({
      title: "Nhiệm vụ đã được báo cáo hoàn thành",
      body: 'Phường Sài Gòn đã gửi kết quả nhiệm vụ "Tổng kết phong trào" và chờ xác nhận.',
    });
  });

  it("tell the city committee's officials and every city admin, whatever their unit, when a task the city assigned is submitted", async () => {
    const result = await outcome(taskSubmitted, { taskId: "task-2", unit: SAI_GON, submittedAt: "2026-03-10T09:00:00+07:00", by });
    expect(result.recipients).toEqual(["city-admin", "city-viewer", "city-admin-2"]);
    expect(result.messages[0]).toEqual({
      title: "Nhiệm vụ đã được báo cáo hoàn thành",
      body: 'Phường Sài Gòn đã gửi kết quả nhiệm vụ "Khắc phục sau kiểm tra" và chờ xác nhận.',
    });
  });

  it("do not tell the submitter of their own submission", async () => {
    const submitted = { taskId: "task-3", unit: SAI_GON, submittedAt: "2026-03-10T09:00:00+07:00", by };
    expect((await outcome(taskSubmitted, submitted, { actor: "sg-officer" })).recipients).toEqual(["sg-admin"]);
  });

  it("ask the assigning unit's admins, and only them, to decide on an extension request", async () => {
    const request = {
      taskId: "task-1",
      unit: SAI_GON,
      currentDeadline: "2026-03-31",
      requestedDeadline: "2026-04-30",
      reason: "chờ số liệu",
    };
    const result = await outcome(taskExtensionRequested, { ...request, by }, { actor: "sg-officer" });
    expect(result).toMatchObject({ kind: "TASK_EXTENSION_REQUESTED", recipients: ["bt-admin"] });
    expect(result.messages[0]).toEqual({
      title: "Đề nghị gia hạn nhiệm vụ",
      body: 'Phường Sài Gòn đề nghị gia hạn nhiệm vụ "Tổng kết phong trào" từ 31/03/2026 đến 30/04/2026. Lý do: chờ số liệu',
    });

    const toTheCity = await outcome(taskExtensionRequested, { ...request, taskId: "task-2", by }, { actor: "sg-officer" });
    expect(toTheCity.recipients).toEqual(["city-admin", "city-admin-2"]);
  });

  it("tell the lead owner and the co-owners, but not the confirming admin, that their task is confirmed", async () => {
    const confirmed = {
      taskId: "task-1",
      unit: SAI_GON,
      completion: "LATE" as const,
      deadline: "2026-03-31",
      submittedAt: "2026-04-02T09:00:00+07:00",
      by,
    };
    const result = await outcome(taskConfirmed, confirmed, { actor: "bt-admin" });
    expect(result).toMatchObject({ kind: "TASK_CONFIRMED", recipients: ["sg-officer", "sg-admin"] });
    expect(result.messages[0]).toEqual({
      title: "Nhiệm vụ được xác nhận hoàn thành",
      body: 'Kết quả nhiệm vụ "Tổng kết phong trào" đã được xác nhận hoàn thành trễ hạn (hạn 31/03/2026).',
    });
    expect((await outcome(taskConfirmed, confirmed, { actor: "sg-admin" })).recipients).toEqual(["sg-officer"]);
  });

  it("tell the lead owner and the co-owners, but not the one who cancelled it, that their task is cancelled, naming it and its unit", async () => {
    const cancelled = { taskId: "task-1", unit: SAI_GON, reason: "Đã gộp vào nhiệm vụ khác", by };
    const result = await outcome(taskCancelled, cancelled, { actor: "bt-admin" });
    expect(result).toMatchObject({ kind: "TASK_CANCELLED", recipients: ["sg-officer", "sg-admin"] });
    expect(result.messages[0]).toEqual({
      title: "Nhiệm vụ đã bị hủy",
      body: 'Nhiệm vụ "Tổng kết phong trào" của Phường Sài Gòn đã bị hủy; không cần thực hiện tiếp. Lý do: Đã gộp vào nhiệm vụ khác',
    });
    expect((await outcome(taskCancelled, cancelled, { actor: "sg-admin" })).recipients).toEqual(["sg-officer"]);
  });

  it("tell the lead owner and the unit's admins when a task becomes overdue", async () => {
    const result = await outcome(taskBecameOverdue, {
      taskId: "task-1",
      unit: SAI_GON,
      leadOwner: "sg-officer",
      deadline: "2026-03-31",
      by,
    });
    expect(result).toMatchObject({ kind: "TASK_OVERDUE", recipients: ["sg-officer", "sg-admin"] });
    expect(result.messages[0]?.body).toBe(
      'Nhiệm vụ "Tổng kết phong trào" đã quá hạn hoàn thành (hạn 31/03/2026) mà chưa được xác nhận hoàn thành.',
    );
  });

  it("tell only the lead owner about an extension", async () => {
    const result = await outcome(taskExtensionGranted, {
      taskId: "task-1",
      unit: SAI_GON,
      previousDeadline: "2026-03-31",
      newDeadline: "2026-04-30",
      reason: "chờ số liệu",
      by,
    });
    expect(result.recipients).toEqual(["sg-officer"]);
    expect(result.messages[0]?.body).toBe('Hạn hoàn thành nhiệm vụ "Tổng kết phong trào" được gia hạn từ 31/03/2026 đến 30/04/2026.');
  });

  it("tell the supervised unit's admins, and only them, of a new recommendation", async () => {
    const result = await outcome(recommendationIssued, {
      recommendationId: "rec-1",
      supervisionId: "sup-1",
      supervisedBody: SAI_GON,
      content: recommendation.content,
      answerDueDate: "2026-04-30",
      issuedAt: "2026-03-10T09:00:00+07:00",
      by,
    });
    expect(result).toMatchObject({ kind: "RECOMMENDATION_ISSUED", recipients: ["sg-admin"] });
    expect(result.messages[0]).toEqual({
      title: "Kiến nghị mới sau giám sát",
      body: 'Qua giám sát "Thực hiện chính sách hỗ trợ hộ nghèo năm 2026", Phường Sài Gòn nhận được kiến nghị: "Công khai danh sách hộ nghèo được hỗ trợ tại trụ sở khu phố". Hạn trả lời: 30/04/2026.',
    });
  });

  it("tell the supervised unit's admins when a recommendation is left unanswered past its due date", async () => {
    const overdue = { recommendationId: "rec-1", supervisionId: "sup-1", supervisedBody: SAI_GON, answerDueDate: "2026-04-30", by };
    const result = await outcome(recommendationBecameOverdue, overdue);
    expect(result).toMatchObject({ kind: "RECOMMENDATION_OVERDUE", recipients: ["sg-admin"] });
    expect(result.messages[0]).toEqual({
      title: "Kiến nghị đã quá hạn trả lời",
      body: 'Kiến nghị "Công khai danh sách hộ nghèo được hỗ trợ tại trụ sở khu phố" (giám sát "Thực hiện chính sách hỗ trợ hộ nghèo năm 2026") đã quá hạn trả lời (hạn 30/04/2026) mà Phường Sài Gòn chưa trả lời.',
    });

    const unknown = await outcome(recommendationBecameOverdue, overdue, { recommendation: null });
    expect(unknown.messages[0]?.body).toBe(
      "Kiến nghị mã rec-1 (giám sát mã sup-1) đã quá hạn trả lời (hạn 30/04/2026) mà Phường Sài Gòn chưa trả lời.",
    );
  });

  it("quote only the first words of a long recommendation when it is overdue", async () => {
    const long = {
      ...recommendation,
      content:
        "Đề nghị Ủy ban nhân dân phường rà soát, bổ sung danh sách hộ cận nghèo chưa được hỗ trợ bảo hiểm y tế, công khai kết quả tại khu phố và báo cáo Ủy ban MTTQ phường.",
    };
    const result = await outcome(
      recommendationBecameOverdue,
      { recommendationId: "rec-1", supervisionId: "sup-1", supervisedBody: SAI_GON, answerDueDate: "2026-04-30", by },
      { recommendation: long },
    );
    expect(result.messages[0]?.body).toBe(
      'Kiến nghị "Đề nghị Ủy ban nhân dân phường rà soát, bổ sung danh sách hộ cận nghèo chưa được hỗ trợ bảo hiểm y…" (giám sát "Thực hiện chính sách hỗ trợ hộ nghèo năm 2026") đã quá hạn trả lời (hạn 30/04/2026) mà Phường Sài Gòn chưa trả lời.',
    );
  });

  it("welcome a newly registered official", async () => {
    const result = await outcome(officialRegistered, {
      officialId: "new-1",
      fullName: "Lý Ngọc Ánh",
      position: "Ủy viên",
      unit: SAI_GON,
      roles: ["unit_officer"],
    });
    expect(result).toMatchObject({ kind: "OFFICIAL_WELCOME", recipients: ["new-1"] });
    expect(result.messages[0]?.body).toMatch(/^Xin chào Lý Ngọc Ánh, tài khoản cán bộ \(Ủy viên, Phường Sài Gòn\)/);
  });

  it("name a unit as people know it, and a code no list knows as a unit code", () => {
    expect([unitName(SAI_GON), unitName("*"), unitName("99999")]).toEqual(["Phường Sài Gòn", CITY_COMMITTEE, "đơn vị 99999"]);
  });

  it("exist once per kind, one rule per event type", () => {
    expect(ALL_RULES.map((rule) => rule.kind).sort()).toEqual([...NOTIFICATION_KINDS].sort());
    expect(new Set(ALL_RULES.map((rule) => rule.event.type)).size).toBe(ALL_RULES.length);
  });
});
