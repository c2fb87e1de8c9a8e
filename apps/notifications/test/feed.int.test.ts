import { describe, expect, it } from "vitest";
import { added, assigned, publishAll, saiGonStaff } from "./support/events";
import { people, startNotifications } from "./support/notifications-fixture";

const FEED = `query($unreadOnly: Boolean, $first: Int, $after: String) {
  myNotifications(unreadOnly: $unreadOnly, first: $first, after: $after) {
    totalCount unreadCount
    pageInfo { hasNextPage endCursor }
    edges { node { id kind title body read taskId } }
  }
}`;

interface Feed {
  myNotifications: {
    totalCount: number;
    unreadCount: number;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    edges: { node: { id: string; kind: string; title: string; body: string; read: boolean; taskId: string | null } }[];
  };
}

describe("the in-app feed", () => {
  it("tells the lead owner and co-owner of an assigned task, in Vietnamese, and nobody else", async () => {
    const { bus, as } = await startNotifications();
    await publishAll(bus, [
      ...saiGonStaff(),
      added("task-1", "Tổ chức Ngày hội Đại đoàn kết toàn dân tộc"),
      assigned("task-1", people.saiGonOfficer.sub, [people.saiGonOfficer2.sub]),
    ]);

    const lead = await as(people.saiGonOfficer);
    await expect.poll(async () => (await lead.request<Feed>(FEED, { unreadOnly: true })).data?.myNotifications.totalCount).toBe(2);
    const feed = (await lead.request<Feed>(FEED)).data?.myNotifications;
    expect(feed?.unreadCount).toBe(2);
    expect(feed?.edges.map((edge) => edge.node.kind).sort()).toEqual(["OFFICIAL_WELCOME", "TASK_ASSIGNED"]);
    expect(feed?.edges.find((edge) => edge.node.kind === "TASK_ASSIGNED")?.node).toMatchObject({
      title: "Bạn được giao nhiệm vụ mới",
      body: 'Bạn được Phường Sài Gòn giao chủ trì nhiệm vụ "Tổ chức Ngày hội Đại đoàn kết toàn dân tộc"; hạn hoàn thành 15/04/2026.',
      taskId: "task-1",
      read: false,
    });

    const coOwner = await as(people.saiGonOfficer2);
    const assignedTo = async (client: typeof coOwner) =>
      (await client.request<Feed>(FEED)).data?.myNotifications.edges.find((edge) => edge.node.kind === "TASK_ASSIGNED")?.node.body;
    await expect.poll(() => assignedTo(coOwner)).toMatch(/^Bạn được Phường Sài Gòn giao phối hợp thực hiện nhiệm vụ "Tổ chức/);

    const admin = await as(people.saiGonAdmin);
    const adminFeed = (await admin.request<Feed>(FEED)).data?.myNotifications;
    expect(adminFeed?.edges.map((edge) => edge.node.kind)).toEqual(["OFFICIAL_WELCOME"]);
    const stranger = await as(people.baDiemOfficer);
    expect((await stranger.request<Feed>(FEED)).data?.myNotifications.totalCount).toBe(0);
  });

  it("marks notifications read, only one's own, and pages newest first", async () => {
    const { bus, as } = await startNotifications();
    await publishAll(bus, [
      ...saiGonStaff(),
      added("task-1", "Báo cáo quý I"),
      assigned("task-1", people.saiGonOfficer.sub),
      added("task-2", "Khảo sát hộ nghèo"),
      assigned("task-2", people.saiGonOfficer.sub),
    ]);
    const officer = await as(people.saiGonOfficer);
    await expect.poll(async () => (await officer.request<Feed>(FEED)).data?.myNotifications.totalCount).toBe(3);

    const first = (await officer.request<Feed>(FEED, { first: 2 })).data?.myNotifications;
    expect(first?.pageInfo.hasNextPage).toBe(true);
    const second = (await officer.request<Feed>(FEED, { first: 2, after: first?.pageInfo.endCursor })).data?.myNotifications;
    const ids = [...(first?.edges ?? []), ...(second?.edges ?? [])].map((edge) => edge.node.id);
    expect(new Set(ids).size).toBe(3);
    expect(second?.pageInfo.hasNextPage).toBe(false);

    const newest = first?.edges[0]?.node.id as string;
    const MARK = `mutation($ids: [ID!]!) { markNotificationsRead(input: { ids: $ids }) { __typename ... on MarkNotificationsReadSuccess { notifications { id read } } } }`;
    // Someone else cannot mark it read: their call changes nothing of the owner's feed.
    const other = await as(people.saiGonOfficer2);
    expect((await other.request(MARK, { ids: [newest] })).data).toEqual({
      markNotificationsRead: { __typename: "MarkNotificationsReadSuccess", notifications: [] },
    });
    expect((await officer.request<Feed>(FEED)).data?.myNotifications.unreadCount).toBe(3);

    expect((await officer.request(MARK, { ids: [newest] })).data).toEqual({
      markNotificationsRead: { __typename: "MarkNotificationsReadSuccess", notifications: [{ id: newest, read: true }] },
    });
    expect((await officer.request<Feed>(FEED, { unreadOnly: true })).data?.myNotifications).toMatchObject({
      totalCount: 2,
      unreadCount: 2,
    });

    const all = await officer.request(`mutation { markAllNotificationsRead { ... on MarkAllNotificationsReadSuccess { markedCount } } }`);
    expect(all.data).toEqual({ markAllNotificationsRead: { markedCount: 2 } });
    expect((await officer.request<Feed>(FEED)).data?.myNotifications).toMatchObject({ totalCount: 3, unreadCount: 0 });
  });

  it("names the problem with a bad request and asks anonymous callers to authenticate", async () => {
    const { as, anonymous } = await startNotifications();
    const officer = await as(people.saiGonOfficer);
    const empty = await officer.request(
      `mutation { markNotificationsRead(input: { ids: [] }) { __typename ... on ValidationError { fields { path message } } } }`,
    );
    expect(empty.data).toEqual({
      markNotificationsRead: { __typename: "ValidationError", fields: [{ path: ["ids"], message: expect.any(String) }] },
    });
    const tooMany = await officer.request(FEED, { first: 500 });
    expect(tooMany.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", fields: [{ path: ["first"] }] });
    const { errors } = await anonymous.request(FEED);
    expect(errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
  });
});

describe("the service's metrics", () => {
  it("count the events its subscribers handled, per durable and type", async () => {
    const { app, bus } = await startNotifications();
    await publishAll(bus, [...saiGonStaff(), added("task-9", "Rà soát hộ nghèo"), assigned("task-9", people.saiGonOfficer.sub, [])]);
    await expect
      .poll(async () => (await app.subgraph.app.request("/metrics")).text())
      .toMatch(
        /^lt_events_consumed_total\{durable="notifications\.tasks",service="notifications",type="lienthong\.tasks\.task\.assigned\.v1"\} 1$/m,
      );
  });
});
