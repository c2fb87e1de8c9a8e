import { describe, expect, it } from "vitest";
import { taskCancelled, taskConfirmed, taskExtensionRequested, taskSubmitted } from "@lienthong/contracts/tasks";
import { added, assigned, envelopeOf, publishAll, registered, registerStaff } from "./support/events";
import { people, SAI_GON, startNotifications } from "./support/notifications-fixture";

const FEED = `{ myNotifications(first: 20) { edges { node { kind title body } } } }`;

interface Feed {
  myNotifications: { edges: { node: { kind: string; title: string; body: string } }[] };
}

type As = Awaited<ReturnType<typeof startNotifications>>["as"];

/** What a person's feed shows, and the kinds in it sorted. */
function feeds(as: As) {
  const feedOf = async (person: Parameters<As>[0]) =>
    ((await (await as(person)).request<Feed>(FEED)).data?.myNotifications.edges ?? []).map((edge) => edge.node);
  const kindsOf = async (person: Parameters<As>[0]) => (await feedOf(person)).map((node) => node.kind).sort();
  return { feedOf, kindsOf };
}

const lead = people.saiGonOfficer;
const coOwner = people.saiGonOfficer2;
const asLead = { name: lead.name, authority: "lead owner" };

describe("a task's life, told to the people concerned", () => {
  it("tells the city committee's admin of a city task's extension request and submission, and its owners of the confirmation", async () => {
    const { app, bus, as } = await startNotifications();
    await registerStaff(bus, app);
    // The city admin is an official of the city committee itself (unit "*"), and its token's sub is that official's id.
    await publishAll(bus, [registered(people.cityAdmin)]);
    await expect.poll(() => app.notifications.count(people.cityAdmin.sub, false)).toBe(1);

    const ref = { taskId: "city-1", unit: SAI_GON };
    await publishAll(bus, [
      added("city-1", "Triển khai Ngày hội Đại đoàn kết toàn dân tộc", SAI_GON, "*"),
      assigned("city-1", lead.sub, [coOwner.sub]),
      envelopeOf(
        taskExtensionRequested,
        "city-1",
        3,
        { ...ref, currentDeadline: "2026-04-15", requestedDeadline: "2026-04-30", reason: "Chờ kinh phí", by: asLead },
        SAI_GON,
        lead.sub,
      ),
      envelopeOf(taskSubmitted, "city-1", 4, { ...ref, submittedAt: "2026-04-20T09:00:00+07:00", by: asLead }, SAI_GON, lead.sub),
      envelopeOf(
        taskConfirmed,
        "city-1",
        5,
        {
          ...ref,
          completion: "ON_TIME",
          deadline: "2026-04-30",
          submittedAt: "2026-04-20T09:00:00+07:00",
          by: { name: people.cityAdmin.name, authority: "city_admin" },
        },
        SAI_GON,
        people.cityAdmin.sub,
      ),
    ]);

    const { feedOf, kindsOf } = feeds(as);

    await expect.poll(() => kindsOf(lead)).toEqual(["OFFICIAL_WELCOME", "TASK_ASSIGNED", "TASK_CONFIRMED"]);
    await expect.poll(() => kindsOf(coOwner)).toEqual(["OFFICIAL_WELCOME", "TASK_ASSIGNED", "TASK_CONFIRMED"]);
    expect((await feedOf(lead)).find((node) => node.kind === "TASK_CONFIRMED")).toEqual({
      kind: "TASK_CONFIRMED",
      title: "Nhiệm vụ được xác nhận hoàn thành",
      body: 'Kết quả nhiệm vụ "Triển khai Ngày hội Đại đoàn kết toàn dân tộc" đã được xác nhận hoàn thành đúng hạn (hạn 30/04/2026).',
    });

    const cityFeed = await feedOf(people.cityAdmin);
    expect(cityFeed.map((node) => node.kind).sort()).toEqual(["OFFICIAL_WELCOME", "TASK_EXTENSION_REQUESTED", "TASK_SUBMITTED"]);
    expect(
      cityFeed
        .filter((node) => node.kind !== "OFFICIAL_WELCOME")
        .map((node) => node.body)
        .sort(),
    ).toEqual([
      'Phường Sài Gòn đã gửi kết quả nhiệm vụ "Triển khai Ngày hội Đại đoàn kết toàn dân tộc" và chờ xác nhận.',
      'Phường Sài Gòn đề nghị gia hạn nhiệm vụ "Triển khai Ngày hội Đại đoàn kết toàn dân tộc" từ 15/04/2026 đến 30/04/2026. Lý do: Chờ kinh phí',
    ]);
    expect(cityFeed.find((node) => node.kind === "OFFICIAL_WELCOME")?.body).toContain("Ủy ban MTTQ Việt Nam Thành phố Hồ Chí Minh");
    expect(await kindsOf(people.saiGonAdmin)).toEqual(["OFFICIAL_WELCOME"]);
  });

  it("does not tell the lead owner of their own submission when their own ward assigned the task", async () => {
    const { app, bus, as } = await startNotifications();
    await registerStaff(bus, app);
    const submitted = envelopeOf(
      taskSubmitted,
      "ward-1",
      3,
      { taskId: "ward-1", unit: SAI_GON, submittedAt: "2026-04-10T09:00:00+07:00", by: asLead },
      SAI_GON,
      lead.sub,
    );
    await publishAll(bus, [added("ward-1", "Thăm hỏi hộ gia đình chính sách"), assigned("ward-1", lead.sub), submitted]);

    const { kindsOf } = feeds(as);
    await expect.poll(() => kindsOf(people.saiGonAdmin)).toEqual(["OFFICIAL_WELCOME", "TASK_SUBMITTED"]);
    // Handling the event again returns only once every recipient's notification exists.
    await app.dispatcher.handle(submitted);
    expect(await kindsOf(coOwner)).toEqual(["OFFICIAL_WELCOME", "TASK_SUBMITTED"]);
    expect(await kindsOf(lead)).toEqual(["OFFICIAL_WELCOME", "TASK_ASSIGNED"]);
  });

  it("tells the owners of a cancelled task, naming it and its unit, but not the owner who cancelled it", async () => {
    const { app, bus, as } = await startNotifications();
    await registerStaff(bus, app);
    const admin = people.saiGonAdmin;
    const cancelled = envelopeOf(
      taskCancelled,
      "ward-2",
      3,
      {
        taskId: "ward-2",
        unit: SAI_GON,
        reason: "Đã gộp vào kế hoạch quý II",
        by: { name: admin.name, authority: `unit_admin of ${SAI_GON}` },
      },
      SAI_GON,
      admin.sub,
    );
    await publishAll(bus, [added("ward-2", "Rà soát hộ cận nghèo"), assigned("ward-2", lead.sub, [coOwner.sub, admin.sub]), cancelled]);

    const { feedOf, kindsOf } = feeds(as);
    await expect.poll(() => kindsOf(lead)).toEqual(["OFFICIAL_WELCOME", "TASK_ASSIGNED", "TASK_CANCELLED"]);
    await expect.poll(() => kindsOf(coOwner)).toEqual(["OFFICIAL_WELCOME", "TASK_ASSIGNED", "TASK_CANCELLED"]);
    expect((await feedOf(coOwner)).find((node) => node.kind === "TASK_CANCELLED")).toEqual({
      kind: "TASK_CANCELLED",
      title: "Nhiệm vụ đã bị hủy",
      body: 'Nhiệm vụ "Rà soát hộ cận nghèo" của Phường Sài Gòn đã bị hủy; không cần thực hiện tiếp. Lý do: Đã gộp vào kế hoạch quý II',
    });
    // Handling the event again returns only once every recipient's notification exists.
    await app.dispatcher.handle(cancelled);
    expect(await kindsOf(admin)).toEqual(["OFFICIAL_WELCOME", "TASK_ASSIGNED"]);
  });
});
