import { describe, expect, it } from "vitest";
import type { Principal } from "@lienthong/auth/principal";
import { forDecider } from "@lienthong/testing/given-when-then";
import { decide, evolve, type RecommendationCommand, type RecommendationContext, type RecommendationEvent } from "./recommendation";
import * as supervision from "./supervision";

const SAI_GON = "26740";
const people = {
  city: { sub: "city-admin", name: "Trần Văn Thành", roles: ["city_admin"], units: ["*"] },
  viewer: { sub: "city-viewer", name: "Ngô Bảo", roles: ["city_viewer"], units: ["*"] },
  sgAdmin: { sub: "sg-admin", name: "Lê Thị Hoa", roles: ["unit_admin"], units: [SAI_GON] },
  sgOfficer: { sub: "sg-officer", name: "Phạm Minh", roles: ["unit_officer"], units: [SAI_GON] },
  bdAdmin: { sub: "bd-admin", name: "Võ Văn Kiệt", roles: ["unit_admin"], units: ["27592"] },
} satisfies Record<string, Principal>;

// 2026-03-10 10:00 in Vietnam.
const NOW = new Date("2026-03-10T03:00:00.000Z");
const ctxOf = (principal: Principal, now = NOW): RecommendationContext => ({ principal, now, supervision: { supervisedBody: SAI_GON } });
const given = forDecider<RecommendationCommand, RecommendationEvent, ReturnType<typeof evolve>, RecommendationContext>(
  { decide, evolve, initialState: null },
  ctxOf(people.sgAdmin),
);
const ref = { recommendationId: "r-1", supervisionId: "s-1", supervisedBody: SAI_GON };

const issue: RecommendationCommand = {
  type: "IssueRecommendation",
  recommendationId: "r-1",
  supervisionId: "s-1",
  content: "Công khai danh sách hộ nghèo tại khu phố",
  answerDueDate: "2026-03-31",
};
const issued: RecommendationEvent = {
  type: "RecommendationIssued",
  data: {
    ...ref,
    content: "Công khai danh sách hộ nghèo tại khu phố",
    answerDueDate: "2026-03-31",
    issuedAt: NOW.toISOString(),
    by: { name: people.sgAdmin.name, authority: `unit_admin of ${SAI_GON}` },
  },
};
const answer: RecommendationCommand = { type: "AnswerRecommendation", recommendationId: "r-1", answer: "Đã niêm yết tại 10 khu phố" };
const markOverdue: RecommendationCommand = { type: "MarkRecommendationOverdue", recommendationId: "r-1" };
// The due day ends at 2026-03-31 24:00 in Vietnam = 17:00 UTC.
const justBefore = new Date("2026-03-31T16:59:00.000Z");
const justAfter = new Date("2026-03-31T17:00:00.000Z");

describe("starting a supervision", () => {
  const details = {
    supervisionId: "s-1",
    subject: "Thực hiện chính sách an sinh",
    supervisedBody: SAI_GON,
    form: "SUPERVISION_TEAM" as const,
    periodFrom: "2026-01-01",
    periodTo: "2026-06-30",
  };
  const start: supervision.SupervisionCommand = { type: "StartSupervision", ...details };
  const knownUnits = new Set([SAI_GON, "27592"]);
  const givenSupervision = forDecider(
    { decide: supervision.decide, evolve: supervision.evolve, initialState: null },
    { principal: people.sgAdmin as Principal, knownUnits },
  );

  it("is for the city committee anywhere and the ward's own Front committee at home", () => {
    const { state } = givenSupervision()
      .when(start)
      .then([
        { type: "SupervisionStarted", data: { ...details, by: { name: people.sgAdmin.name, authority: `unit_admin of ${SAI_GON}` } } },
      ]);
    expect(state).toMatchObject({ supervisedBody: SAI_GON, startedBy: people.sgAdmin.name });
    givenSupervision().when(start, { principal: people.bdAdmin, knownUnits }).thenError({ code: "NOT_ALLOWED" });
    givenSupervision().when(start, { principal: people.sgOfficer, knownUnits }).thenError({ code: "NOT_ALLOWED" });
  });

  it("refuses a unit code that is not one of the official units", () => {
    givenSupervision()
      .when({ ...start, supervisedBody: "00000" }, { principal: people.city, knownUnits })
      .thenError({ code: "VALIDATION", fields: [{ path: ["supervisedBody"] }] });
  });

  it("refuses a period that ends before it starts", () => {
    givenSupervision()
      .when({ ...start, periodTo: "2025-12-31" })
      .thenError({ code: "VALIDATION", fields: [{ path: ["periodTo"] }] });
  });
});

describe("recommendations", () => {
  it("are issued by a supervisor with a due date not already past", () => {
    const { state } = given().when(issue).then([issued]);
    expect(state).toMatchObject({ status: "OPEN", overdueFlagged: false });
    given()
      .when({ ...issue, answerDueDate: "2026-03-09" })
      .thenError({ code: "VALIDATION", fields: [{ path: ["answerDueDate"] }] });
    given().when(issue, ctxOf(people.sgOfficer)).thenError({ code: "NOT_ALLOWED" });
    given().when(issue, { principal: people.city, now: NOW, supervision: null }).thenError({ code: "NOT_FOUND" });
  });

  it("are answered once, on time until the due day has ended in Vietnam", () => {
    const answered = (now: Date, onTime: boolean): RecommendationEvent => ({
      type: "RecommendationAnswered",
      data: {
        ...ref,
        answer: "Đã niêm yết tại 10 khu phố",
        answeredAt: now.toISOString(),
        onTime,
        by: { name: people.sgOfficer.name, authority: `unit_officer of ${SAI_GON}` },
      },
    });
    const { state } = given(issued)
      .when(answer, ctxOf(people.sgOfficer, justBefore))
      .then([answered(justBefore, true)]);
    expect(state).toMatchObject({ status: "ANSWERED", answeredOnTime: true });
    given(issued)
      .when(answer, ctxOf(people.sgOfficer, justAfter))
      .then([answered(justAfter, false)]);
    given(issued, answered(justBefore, true)).when(answer, ctxOf(people.sgOfficer)).thenError({ code: "INVALID_TRANSITION" });
    given(issued).when(answer, ctxOf(people.viewer)).thenError({ code: "NOT_ALLOWED" });
  });

  it("are hidden from another ward as if they did not exist", () => {
    given(issued).when(answer, ctxOf(people.bdAdmin)).thenError({ code: "NOT_FOUND" });
  });

  it("become overdue once, when the due day has ended unanswered", () => {
    const overdue: RecommendationEvent = {
      type: "RecommendationBecameOverdue",
      data: { ...ref, answerDueDate: "2026-03-31", by: { name: "Lịch nhắc việc tự động", authority: "schedule" } },
    };
    given(issued).when(markOverdue, ctxOf(people.city, justBefore)).then([]);
    given(issued).when(markOverdue, ctxOf(people.city, justAfter)).then([overdue]);
    given(issued, overdue).when(markOverdue, ctxOf(people.city, justAfter)).then([]);
  });
});
