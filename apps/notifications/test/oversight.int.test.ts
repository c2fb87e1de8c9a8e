import { describe, expect, it } from "vitest";
import { DEAD_LETTER_COLLECTION } from "@lienthong/bus/embedded-consumer";
import {
  inspectionFindingsRecorded,
  recommendationBecameOverdue,
  recommendationIssued,
  supervisionStarted,
  taskSubmitted,
} from "@lienthong/contracts/tasks";
import { added, assigned, envelopeOf, publishAll, registered, registerStaff } from "./support/events";
import { people, SAI_GON, startNotifications } from "./support/notifications-fixture";

const FEED = `{ myNotifications(first: 20) { totalCount edges { node { kind title body } } } }`;

interface Feed {
  myNotifications: { totalCount: number; edges: { node: { kind: string; title: string; body: string } }[] };
}

const inspector = { name: "Hoàng Văn An", authority: "inspector" };

function supervision(supervisionId: string, subject: string) {
  const data = {
    supervisionId,
    subject,
    supervisedBody: SAI_GON,
    form: "SUPERVISION_TEAM" as const,
    periodFrom: "2026-03-01",
    periodTo: "2026-03-31",
    by: inspector,
  };
  return envelopeOf(supervisionStarted, supervisionId, 1, data, SAI_GON);
}

function issued(recommendationId: string, supervisionId: string, content: string) {
  const data = {
    recommendationId,
    supervisionId,
    supervisedBody: SAI_GON,
    content,
    answerDueDate: "2026-04-30",
    issuedAt: "2026-03-31T09:00:00+07:00",
    by: inspector,
  };
  return envelopeOf(recommendationIssued, recommendationId, 1, data, SAI_GON);
}

function overdue(recommendationId: string, supervisionId: string) {
  const data = {
    recommendationId,
    supervisionId,
    supervisedBody: SAI_GON,
    answerDueDate: "2026-04-30",
    by: { name: "Lịch nhắc việc tự động", authority: "schedule" },
  };
  return envelopeOf(recommendationBecameOverdue, recommendationId, 2, data, SAI_GON);
}

describe("supervision and inspection notifications", () => {
  it("tell the supervised ward's admins of a recommendation and, once, that it went unanswered past its due date", async () => {
    const { app, bus, as } = await startNotifications();
    await registerStaff(bus, app);
    await publishAll(bus, [registered(people.baDiemAdmin)]);
    const events = [
      supervision("sup-1", "Thực hiện chính sách hỗ trợ hộ nghèo năm 2026"),
      issued("rec-1", "sup-1", "Công khai danh sách hộ nghèo được hỗ trợ tại trụ sở khu phố"),
      overdue("rec-1", "sup-1"),
    ];
    await publishAll(bus, events);

    const admin = await as(people.saiGonAdmin);
    const feedOf = async (client: typeof admin) => (await client.request<Feed>(FEED)).data?.myNotifications;
    await expect.poll(async () => (await feedOf(admin))?.totalCount).toBe(3);
    for (const event of events) await app.dispatcher.handle(event);

    const feed = await feedOf(admin);
    expect(feed?.totalCount).toBe(3);
    const about = (kind: string) => feed?.edges.find((edge) => edge.node.kind === kind)?.node;
    expect([about("RECOMMENDATION_ISSUED"), about("RECOMMENDATION_OVERDUE")]).toEqual([
      {
        kind: "RECOMMENDATION_ISSUED",
        title: "Kiến nghị mới sau giám sát",
        body: 'Qua giám sát "Thực hiện chính sách hỗ trợ hộ nghèo năm 2026", Phường Sài Gòn nhận được kiến nghị: "Công khai danh sách hộ nghèo được hỗ trợ tại trụ sở khu phố". Hạn trả lời: 30/04/2026.',
      },
      {
        kind: "RECOMMENDATION_OVERDUE",
        title: "Kiến nghị đã quá hạn trả lời",
        body: 'Kiến nghị "Công khai danh sách hộ nghèo được hỗ trợ tại trụ sở khu phố" (giám sát "Thực hiện chính sách hỗ trợ hộ nghèo năm 2026") đã quá hạn trả lời (hạn 30/04/2026) mà Phường Sài Gòn chưa trả lời.',
      },
    ]);
    for (const person of [people.saiGonOfficer, people.baDiemAdmin]) {
      expect((await feedOf(await as(person)))?.edges.map((edge) => edge.node.kind)).toEqual(["OFFICIAL_WELCOME"]);
    }
  });

  it("dead-letter a malformed oversight event at once, naming the field, and go on with the next", async () => {
    const { app, bus, store, as } = await startNotifications();
    await registerStaff(bus, app);
    const valid = overdue("rec-2", "sup-9");
    const unchecked = overdue("rec-1", "sup-9");
    const malformed = { ...unchecked, data: { ...(unchecked.data as Record<string, unknown>), answerDueDate: "30/04/2026" } };
    await publishAll(bus, [malformed, valid]);

    const admin = await as(people.saiGonAdmin);
    await expect.poll(async () => (await admin.request<Feed>(FEED)).data?.myNotifications.totalCount).toBe(2);
    const letters = await store.db("bus").collection(DEAD_LETTER_COLLECTION).find({ durable: "notifications.tasks" }).toArray();
    expect(letters).toHaveLength(1);
    expect(letters[0]).toMatchObject({ deliveries: 1, envelope: { id: malformed.id } });
    expect(letters[0]?.reason).toContain("data.answerDueDate");
    const bodies = (await admin.request<Feed>(FEED)).data?.myNotifications.edges.map((edge) => edge.node.body);
    expect(bodies).toContain("Kiến nghị mã rec-2 (giám sát mã sup-9) đã quá hạn trả lời (hạn 30/04/2026) mà Phường Sài Gòn chưa trả lời.");
  });

  it("tell an inspection finding's follow-up owner once, through the task's own assignment", async () => {
    const { app, bus, as } = await startNotifications();
    await registerStaff(bus, app);
    const followUp = {
      taskId: "insp-1-finding-1",
      title: "Bổ sung biên bản họp dân",
      deliverable: "Biên bản",
      expectedResult: "Đủ biên bản 10/10 khu phố",
      deadline: "2026-04-15",
      leadOwner: people.saiGonOfficer.sub,
    };
    const findings = {
      inspectionId: "insp-1",
      inspectedUnit: SAI_GON,
      findings: [{ summary: "Thiếu biên bản họp dân", severity: "MODERATE" as const, followUp }],
      recordedAt: "2026-03-10T03:00:00.000Z",
      by: inspector,
    };
    await publishAll(bus, [
      envelopeOf(inspectionFindingsRecorded, "insp-1", 2, findings, SAI_GON),
      added(followUp.taskId, followUp.title, SAI_GON, "*"),
      assigned(followUp.taskId, people.saiGonOfficer.sub),
    ]);

    const officer = await as(people.saiGonOfficer);
    await expect.poll(async () => (await officer.request<Feed>(FEED)).data?.myNotifications.totalCount).toBe(2);
    const [newest] = (await officer.request<Feed>(FEED)).data?.myNotifications.edges ?? [];
    expect(newest?.node).toEqual({
      kind: "TASK_ASSIGNED",
      title: "Bạn được giao nhiệm vụ mới",
      body: 'Bạn được Ủy ban MTTQ Việt Nam Thành phố Hồ Chí Minh giao chủ trì nhiệm vụ "Bổ sung biên bản họp dân"; hạn hoàn thành 15/04/2026.',
    });
    const admin = await as(people.saiGonAdmin);
    expect((await admin.request<Feed>(FEED)).data?.myNotifications.edges.map((edge) => edge.node.kind)).toEqual(["OFFICIAL_WELCOME"]);
  });

  it("tell the city's admins, and nobody else, when a follow-up task the city assigned is submitted", async () => {
    const { app, bus, as } = await startNotifications();
    await registerStaff(bus, app);
    // The city admin is an official of the city committee (unit "*"); the ward admin elsewhere must not hear of it.
    await publishAll(bus, [registered(people.cityAdmin), registered(people.baDiemAdmin)]);
    for (const person of [people.cityAdmin, people.baDiemAdmin])
      await expect.poll(() => app.notifications.count(person.sub, false)).toBe(1);

    const submitted = envelopeOf(
      taskSubmitted,
      "insp-2-finding-1",
      3,
      {
        taskId: "insp-2-finding-1",
        unit: SAI_GON,
        submittedAt: "2026-04-10T09:00:00+07:00",
        by: { name: people.saiGonOfficer.name, authority: "lead owner" },
      },
      SAI_GON,
    );
    await publishAll(bus, [
      added("insp-2-finding-1", "Bổ sung biên bản họp dân", SAI_GON, "*"),
      assigned("insp-2-finding-1", people.saiGonOfficer.sub),
      submitted,
    ]);

    const cityAdmin = await as(people.cityAdmin);
    const submissionsOf = async (client: typeof cityAdmin) =>
      (await client.request<Feed>(FEED)).data?.myNotifications.edges
        .filter((edge) => edge.node.kind === "TASK_SUBMITTED")
        .map((edge) => edge.node);
    await expect
      .poll(() => submissionsOf(cityAdmin))
      .toEqual([
        {
          kind: "TASK_SUBMITTED",
          title: "Nhiệm vụ đã được báo cáo hoàn thành",
          body: 'Phường Sài Gòn đã gửi kết quả nhiệm vụ "Bổ sung biên bản họp dân" và chờ xác nhận.',
        },
      ]);
    // Handling the event again returns only once every recipient's notification exists, so nobody else's can still be on its way.
    await app.dispatcher.handle(submitted);
    expect(await submissionsOf(cityAdmin)).toHaveLength(1);
    for (const person of [people.saiGonAdmin, people.saiGonOfficer, people.saiGonOfficer2, people.baDiemAdmin]) {
      expect(await submissionsOf(await as(person))).toEqual([]);
    }
  });
});
