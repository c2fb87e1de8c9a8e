import { describe, expect, it } from "vitest";
import type { Envelope } from "@lienthong/contracts/envelope";
import { recommendationBecameOverdue } from "@lienthong/contracts/tasks";
import { SAI_GON, people, startTasks } from "./support/tasks-fixture";

const START = `mutation($input: StartSupervisionInput!) { startSupervision(input: $input) {
  __typename ... on StartSupervisionSuccess { supervision { id supervisedBody { code } } } ... on Error { code message }
} }`;
const ISSUE = `mutation($input: IssueRecommendationInput!) { issueRecommendation(input: $input) {
  __typename ... on IssueRecommendationSuccess { recommendation { id answered overdue } } ... on Error { code message }
} }`;
const ANSWER = `mutation($input: AnswerRecommendationInput!) { answerRecommendation(input: $input) {
  __typename ... on AnswerRecommendationSuccess { recommendation { answered answeredOnTime overdue } } ... on Error { code message }
} }`;
const UNIT = `{ _entities(representations: [{ __typename: "Unit", code: "${SAI_GON}" }]) { ... on Unit {
  recommendationSummary { issued answered open overdue overdueShare }
  recommendations(overdue: true) { totalCount edges { node { content } } }
  supervisions { totalCount }
} } }`;

type Started = { startSupervision: { __typename: string; supervision?: { id: string }; code?: string } };
type Issued = { issueRecommendation: { __typename: string; recommendation?: { id: string }; code?: string; message?: string } };
type Answered = {
  answerRecommendation: {
    __typename: string;
    recommendation?: { answered: boolean; answeredOnTime: boolean; overdue: boolean };
    code?: string;
    message?: string;
  };
};
type UnitView = {
  _entities: {
    recommendationSummary: Record<string, number> | null;
    recommendations: { totalCount: number };
    supervisions: { totalCount: number };
  }[];
};

const supervision = {
  subject: "Việc thực hiện chính sách an sinh xã hội",
  supervisedBody: SAI_GON,
  form: "SUPERVISION_TEAM",
  periodFrom: "2026-01-01",
  periodTo: "2026-06-30",
};

/** A ward supervision with two recommendations: one due 2026-03-20, one due 2026-04-30 and already answered. */
async function supervised(service: Awaited<ReturnType<typeof startTasks>>) {
  const admin = await service.as(people.sgAdmin);
  const started = await admin.request<Started>(START, { input: supervision });
  const supervisionId = started.data?.startSupervision.supervision?.id as string;
  const issue = async (content: string, answerDueDate: string) =>
    (await admin.request<Issued>(ISSUE, { input: { supervisionId, content, answerDueDate } })).data?.issueRecommendation.recommendation
      ?.id as string;
  const soon = await issue("Công khai danh sách hộ nghèo tại khu phố", "2026-03-20");
  const later = await issue("Rà soát hồ sơ trợ cấp xã hội", "2026-04-30");
  await (await service.as(people.sgOfficer)).request(ANSWER, { input: { id: later, answer: "Đã rà soát 120 hồ sơ" } });
  return { supervisionId, soon, later };
}

describe("supervision and recommendations", () => {
  it("flag an unanswered recommendation overdue exactly once across restarts and report it like an overdue task", async () => {
    const service = await startTasks();
    const { soon } = await supervised(service);
    const city = await service.as(people.city);
    expect((await city.request<UnitView>(UNIT)).data?._entities[0]).toEqual({
      recommendationSummary: { issued: 2, answered: 1, open: 1, overdue: 0, overdueShare: 0 },
      recommendations: { totalCount: 0, edges: [] },
      supervisions: { totalCount: 1 },
    });

    // Restart once the due day has ended in Vietnam (2026-03-20 24:00 +07:00), then again.
    await service.restart("2026-03-21T01:00:00.000Z");
    await service.restart("2026-03-22T01:00:00.000Z");
    expect(await service.app.recommendationSchedule.runOnce()).toBe(0);
    const overdue: Envelope[] = [];
    const consumer = await service.bus.consume({
      durable: "test.recommendation-overdue",
      subject: recommendationBecameOverdue.subject,
      handler: async (event) => void overdue.push(event),
    });
    await expect.poll(() => overdue.length).toBe(1);
    expect(overdue[0]).toMatchObject({
      subject: soon,
      unit: SAI_GON,
      actor: "system:tasks-schedule",
      data: { answerDueDate: "2026-03-20" },
    });

    const after = (await (await service.as(people.city)).request<UnitView>(UNIT)).data?._entities[0];
    expect(after?.recommendationSummary).toEqual({ issued: 2, answered: 1, open: 0, overdue: 1, overdueShare: 0.5 });
    expect(after?.recommendations.totalCount).toBe(1);
    const csv = await service.fetch(
      new Request(`http://in-process.test/reports/recommendations.csv?units=${SAI_GON}`, {
        headers: { authorization: `Bearer ${await service.token(people.city)}` },
      }),
    );
    expect(await csv.text()).toBe(
      `Mã đơn vị,Đơn vị,Số kiến nghị,Đã trả lời,Chưa trả lời,Quá hạn trả lời,Tỷ lệ quá hạn\r\n${SAI_GON},Phường Sài Gòn,2,1,0,1,0.5000\r\n`,
    );

    const late = await (
      await service.as(people.sgOfficer)
    ).request<Answered>(ANSWER, { input: { id: soon, answer: "Đã niêm yết tại 10 khu phố" } });
    expect(late.data?.answerRecommendation.recommendation).toEqual({ answered: true, answeredOnTime: false, overdue: false });
    const again = await (await service.as(people.sgOfficer)).request<Answered>(ANSWER, { input: { id: soon, answer: "x" } });
    expect(again.data?.answerRecommendation.__typename).toBe("InvalidTransitionError");
    expect((await (await service.as(people.city)).request<UnitView>(UNIT)).data?._entities[0]?.recommendationSummary).toMatchObject({
      answered: 2,
      overdue: 0,
    });
    await consumer.stop();
    expect(overdue).toHaveLength(1);
  });

  it("keep another ward out without revealing anything", async () => {
    const service = await startTasks();
    const { supervisionId, soon } = await supervised(service);
    const other = await service.as(people.bdAdmin);
    const read = await other.request(
      `query($s: ID!, $r: ID!) { supervision(id: $s) { id } recommendation(id: $r) { id } supervisions { totalCount } }`,
      { s: supervisionId, r: soon },
    );
    expect(read.data).toEqual({ supervision: null, recommendation: null, supervisions: { totalCount: 0 } });
    expect((await other.request<UnitView>(UNIT)).data?._entities[0]).toEqual({
      recommendationSummary: null,
      recommendations: { totalCount: 0, edges: [] },
      supervisions: { totalCount: 0 },
    });

    const answered = await other.request<Answered>(ANSWER, { input: { id: soon, answer: "x" } });
    expect(answered.data?.answerRecommendation).toMatchObject({ __typename: "NotFoundError", code: "NOT_FOUND" });
    const issued = await other.request<Issued>(ISSUE, { input: { supervisionId, content: "x", answerDueDate: "2026-04-01" } });
    expect(issued.data?.issueRecommendation).toMatchObject({ __typename: "NotFoundError", code: "NOT_FOUND" });
    expect((await other.request<Started>(START, { input: supervision })).data?.startSupervision.code).toBe("NOT_ALLOWED");
    const csv = await service.fetch(
      new Request(`http://in-process.test/reports/recommendations.csv?units=${SAI_GON}`, {
        headers: { authorization: `Bearer ${await service.token(people.bdAdmin)}` },
      }),
    );
    expect(csv.status).toBe(403);
  });

  it("names bad input field by field", async () => {
    const service = await startTasks();
    const admin = await service.as(people.sgAdmin);
    const bad = await admin.request<{ startSupervision: { __typename: string; fields?: { path: string[] }[] } }>(
      `mutation($input: StartSupervisionInput!) { startSupervision(input: $input) { __typename ... on ValidationError { fields { path } } } }`,
      { input: { ...supervision, supervisedBody: "123", subject: " ", periodTo: "2025-12-31" } },
    );
    expect(bad.data?.startSupervision.fields?.map((field) => field.path.join("."))).toEqual(["subject", "supervisedBody", "periodTo"]);
  });
});
