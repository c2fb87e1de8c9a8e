import { describe, expect, it } from "vitest";
import { taskAssigned } from "@lienthong/contracts/tasks";
import { expectVietnamese } from "@lienthong/testing/vietnamese";
import { answeredErrorMembers, mutationErrorMembers, type ErrorMemberCase } from "@lienthong/testing/vietnamese-schema";
import { added, assigned, publishAll } from "./support/events";
import { people, startNotifications } from "./support/notifications-fixture";
import { startReceiver } from "./support/receiver";

const PAYLOAD = `__typename ... on Error { code message } ... on ValidationError { fields { path message } }`;
const MARK_READ = `mutation($input: MarkNotificationsReadInput!) { markNotificationsRead(input: $input) { ${PAYLOAD} } }`;
const PREFERENCES = `mutation($input: UpdateNotificationPreferencesInput!) { updateNotificationPreferences(input: $input) { ${PAYLOAD} } }`;
const REGISTER = `mutation($input: RegisterWebhookInput!) { registerWebhook(input: $input) { ${PAYLOAD} } }`;
const REDELIVER = `mutation($input: RedeliverWebhookInput!) { redeliverWebhook(input: $input) { ${PAYLOAD} } }`;
const DELIVERIES = `query($id: ID!) { webhookDeliveries(webhookId: $id) { edges { node { id } } } }`;

const webhook = { url: "https://hooks.example.org/lienthong", eventTypes: [taskAssigned.type], secret: "ward-webhook-secret-2026" };

// Members no request can reach: every signed-in official may read and mark their own feed and set their own
// preferences, so those mutations never refuse one; they list NotAllowedError for the payload convention only.
const UNREACHABLE: Record<string, string[]> = {
  markNotificationsRead: ["NotAllowedError"],
  markAllNotificationsRead: ["NotAllowedError"],
  updateNotificationPreferences: ["NotAllowedError"],
};

describe("every message a notifications user can see is Vietnamese", () => {
  it("on each error member of each mutation", async () => {
    const receiver = await startReceiver(() => ({ status: 200 }));
    const { app, bus, as } = await startNotifications();
    const admin = await as(people.saiGonAdmin);
    const officer = await as(people.saiGonOfficer);
    const otherWard = await as(people.baDiemAdmin);
    const registered = await admin.request<{ registerWebhook: { webhook: { id: string } } }>(
      `mutation($input: RegisterWebhookInput!) { registerWebhook(input: $input) { ... on RegisterWebhookSuccess { webhook { id } } } }`,
      { input: { ...webhook, url: receiver.url } },
    );
    const webhookId = registered.data?.registerWebhook.webhook.id as string;
    await publishAll(bus, [added("task-1", "Tuyên truyền bầu cử"), assigned("task-1", people.saiGonOfficer.sub)]);
    const deliveryOf = async () =>
      (await admin.request<{ webhookDeliveries: { edges: { node: { id: string } }[] } }>(DELIVERIES, { id: webhookId })).data
        ?.webhookDeliveries.edges[0]?.node.id;
    await expect.poll(deliveryOf).toBeTypeOf("string");
    const deliveryId = (await deliveryOf()) as string;

    const cases: ErrorMemberCase[] = [
      [officer, MARK_READ, { ids: [] }, "ValidationError"],
      [officer, MARK_READ, { ids: Array.from({ length: 101 }, (_, index) => `n-${index}`) }, "ValidationError"],
      [officer, PREFERENCES, { quietHours: { start: "25:00", end: "06:00" } }, "ValidationError"],
      [officer, PREFERENCES, { quietHours: { start: "22:00", end: "22:00" }, clearQuietHours: true }, "ValidationError"],
      [
        admin,
        REGISTER,
        { url: "http://user:pw@hooks.example.org/#x", eventTypes: ["lienthong.tasks.task.exploded.v1"], secret: "short" },
        "ValidationError",
      ],
      [admin, REGISTER, { ...webhook, url: "not a url", eventTypes: [], unit: "Sài Gòn" }, "ValidationError"],
      [admin, REGISTER, { ...webhook, url: "http://hooks.example.org/x", secret: "x".repeat(257) }, "ValidationError"],
      [officer, REGISTER, webhook, "NotAllowedError"],
      [otherWard, REGISTER, { ...webhook, unit: "26740" }, "NotAllowedError"],
      [admin, REGISTER, { ...webhook, unit: "*" }, "NotAllowedError"],
      [admin, REDELIVER, { deliveryId: "" }, "ValidationError"],
      [otherWard, REDELIVER, { deliveryId }, "NotAllowedError"],
      [admin, REDELIVER, { deliveryId: "nothing-like-it" }, "NotFoundError"],
    ];

    expect((await answeredErrorMembers(cases)).sort()).toEqual(mutationErrorMembers(app.schema, UNREACHABLE).sort());
  });

  it("when the caller is not authenticated, or sends a bad token", async () => {
    const { anonymous } = await startNotifications();
    for (const token of [undefined, "not-a-token", "eyJhbGciOiJIUzI1NiJ9.e30.bad-signature"]) {
      const options = token === undefined ? {} : { token };
      for (const [query, variables] of [
        [MARK_READ, { input: { ids: ["n-1"] } }],
        [`{ myNotifications { totalCount } }`, undefined],
        [`{ myNotificationPreferences { quietHours { start } } }`, undefined],
        [`{ webhooks { id } }`, undefined],
      ] as const) {
        const response = await anonymous.request(query, variables, options);
        expect(response.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
        expectVietnamese(response);
      }
    }
  });

  it("for refused queries, bad variables, arguments, selections and paging", async () => {
    const { as } = await startNotifications();
    const officer = await as(people.saiGonOfficer);
    const admin = await as(people.saiGonAdmin);
    const requests: [client: typeof officer, query: string, variables?: Record<string, unknown>][] = [
      [officer, `{ webhooks { id } }`],
      [admin, DELIVERIES, { id: "no-such-webhook" }],
      [officer, MARK_READ, {}],
      [officer, MARK_READ, { input: { ids: "n-1", extra: true } }],
      [officer, `mutation { markNotificationsRead(input: {}) { __typename } }`],
      [officer, `{ myNotifications { nope } }`],
      [officer, `{ myNotifications(first: 500) { totalCount } }`],
      [officer, `{ myNotifications(first: -1) { totalCount } }`],
      [officer, `{ myNotifications(unreadOnly: "yes") { totalCount } }`],
      [officer, PREFERENCES, { input: { channels: [{ kind: "TASK_EXPLODED" }] } }],
      [officer, `{ myNotifications { totalCount `],
    ];
    for (const [client, query, variables] of requests) {
      const response = await client.request(query, variables);
      expect(response.errors?.length ?? 0, query).toBeGreaterThan(0);
      expectVietnamese(response);
    }
  });
});
