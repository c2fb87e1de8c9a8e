import { describe, expect, it } from "vitest";
import { taskAssigned } from "@lienthong/contracts/tasks";
import { DELIVERY_HEADER, SIGNATURE_HEADER, TIMESTAMP_HEADER, verifySignature } from "../src/webhooks/signature";
import { WEBHOOK_URL_PROBLEMS } from "../src/webhooks/webhook-url";
import { added, assigned, publishAll, saiGonStaff } from "./support/events";
import { people, startNotifications } from "./support/notifications-fixture";
import { startReceiver } from "./support/receiver";

const SECRET = "ward-webhook-secret-2026";
const retry = { maxAttempts: 4, baseDelayMs: 20, maxDelayMs: 100 };

const REGISTER = `mutation($input: RegisterWebhookInput!) {
  registerWebhook(input: $input) {
    __typename
    ... on RegisterWebhookSuccess { webhook { id unit url eventTypes } }
    ... on Error { message }
    ... on ValidationError { fields { path message } }
  }
}`;
const DELIVERIES = `query($id: ID!, $status: WebhookDeliveryStatus) {
  webhookDeliveries(webhookId: $id, status: $status) { totalCount edges { node { id status attempts lastError lastStatusCode eventType } } }
}`;

interface Deliveries {
  webhookDeliveries: {
    totalCount: number;
    edges: { node: { id: string; status: string; attempts: number; lastError: string | null; lastStatusCode: number | null } }[];
  };
}

const fieldsOf = (data: unknown) =>
  (data as { registerWebhook?: { fields?: { path: string[]; message: string }[] } } | undefined)?.registerWebhook?.fields ?? [];
const pathsOf = (data: unknown) => fieldsOf(data).map((field) => field.path);

async function registered(admin: Awaited<ReturnType<Awaited<ReturnType<typeof startNotifications>>["as"]>>, url: string): Promise<string> {
  const { data } = await admin.request<{ registerWebhook: { webhook: { id: string; unit: string } } }>(REGISTER, {
    input: { url, eventTypes: [taskAssigned.type], secret: SECRET },
  });
  expect(data?.registerWebhook.webhook.unit).toBe("26740");
  return data?.registerWebhook.webhook.id as string;
}

describe("webhooks", () => {
  it("deliver a signed CloudEvent and, after three 500s, record exactly one succeeded delivery", async () => {
    const receiver = await startReceiver((index) => ({ status: index < 3 ? 500 : 200 }));
    const { bus, as } = await startNotifications({ webhookRetry: retry });
    const admin = await as(people.saiGonAdmin);
    const webhookId = await registered(admin, receiver.url);

    await publishAll(bus, [...saiGonStaff(), added("task-1", "Tuyên truyền bầu cử"), assigned("task-1", people.saiGonOfficer.sub)]);
    const succeeded = async () =>
      (await admin.request<Deliveries>(DELIVERIES, { id: webhookId, status: "SUCCEEDED" })).data?.webhookDeliveries.totalCount;
    await expect.poll(succeeded, { timeout: 10_000 }).toBe(1);

    const all = (await admin.request<Deliveries>(DELIVERIES, { id: webhookId })).data?.webhookDeliveries;
    expect(all?.totalCount).toBe(1);
    expect(all?.edges[0]?.node).toMatchObject({ status: "SUCCEEDED", attempts: 4, lastStatusCode: 200 });
    expect(receiver.received).toHaveLength(4);
    for (const request of receiver.received) {
      const timestamp = Number(request.headers[TIMESTAMP_HEADER]);
      expect(verifySignature(SECRET, timestamp, request.body, String(request.headers[SIGNATURE_HEADER]))).toBe(true);
      expect(request.headers[DELIVERY_HEADER]).toBe(all?.edges[0]?.node.id);
      expect(request.headers["content-type"]).toMatch(/^application\/cloudevents\+json/);
    }
    expect(JSON.parse(receiver.received[0]?.body ?? "{}")).toMatchObject({
      specversion: "1.0",
      type: taskAssigned.type,
      subject: "task-1",
      data: { leadOwner: people.saiGonOfficer.sub },
    });
  });

  it("mark a delivery failed with its error when the receiver keeps failing, and redeliver it by hand", async () => {
    let healthy = false;
    const receiver = await startReceiver(() => ({ status: healthy ? 204 : 500 }));
    const { bus, as } = await startNotifications({ webhookRetry: retry });
    const admin = await as(people.saiGonAdmin);
    const webhookId = await registered(admin, receiver.url);
    await publishAll(bus, [added("task-1", "Tuyên truyền bầu cử"), assigned("task-1", people.saiGonOfficer.sub)]);

    const failed = async () =>
      (await admin.request<Deliveries>(DELIVERIES, { id: webhookId, status: "FAILED" })).data?.webhookDeliveries.edges[0]?.node;
    await expect
      .poll(failed, { timeout: 10_000 })
      .toMatchObject({ status: "FAILED", attempts: 4, lastStatusCode: 500, lastError: expect.stringContaining("HTTP 500") });
    expect(receiver.received).toHaveLength(4);

    healthy = true;
    const deliveryId = (await failed())?.id;
    const REDELIVER = `mutation($id: ID!) { redeliverWebhook(input: { deliveryId: $id }) { __typename ... on RedeliverWebhookSuccess { delivery { status } } } }`;
    const officer = await as(people.saiGonOfficer);
    expect((await officer.request(REDELIVER, { id: deliveryId })).data).toEqual({ redeliverWebhook: { __typename: "NotAllowedError" } });
    expect((await admin.request(REDELIVER, { id: deliveryId })).data).toEqual({
      redeliverWebhook: { __typename: "RedeliverWebhookSuccess", delivery: { status: "PENDING" } },
    });
    await expect
      .poll(async () => (await admin.request<Deliveries>(DELIVERIES, { id: webhookId })).data?.webhookDeliveries.edges[0]?.node)
      .toMatchObject({ status: "SUCCEEDED", lastStatusCode: 204 });
    expect(receiver.received).toHaveLength(5);
  });

  it("do not follow a redirect to another host", async () => {
    const receiver = await startReceiver(() => ({ status: 307, location: "https://elsewhere.example.org/steal" }));
    const { bus, as } = await startNotifications({ webhookRetry: { ...retry, maxAttempts: 1 } });
    const admin = await as(people.saiGonAdmin);
    const webhookId = await registered(admin, receiver.url);
    await publishAll(bus, [assigned("task-1", people.saiGonOfficer.sub)]);
    await expect
      .poll(async () => (await admin.request<Deliveries>(DELIVERIES, { id: webhookId })).data?.webhookDeliveries.edges[0]?.node)
      .toMatchObject({ status: "FAILED", lastStatusCode: 307, lastError: expect.stringContaining("https://elsewhere.example.org/steal") });
    expect(receiver.received).toHaveLength(1);
  });

  it("are registered only by a unit's admin, to a safe URL, for known event types", async () => {
    const { as } = await startNotifications();
    const officer = await as(people.saiGonOfficer);
    const good = { url: "https://hooks.example.org/lienthong", eventTypes: [taskAssigned.type], secret: SECRET };
    expect((await officer.request(REGISTER, { input: good })).data).toMatchObject({ registerWebhook: { __typename: "NotAllowedError" } });
    const otherWard = await as(people.baDiemAdmin);
    expect((await otherWard.request(REGISTER, { input: { ...good, unit: "26740" } })).data).toEqual({
      registerWebhook: { __typename: "NotAllowedError", message: "Bạn không có quyền đăng ký webhook của Phường Sài Gòn." },
    });

    const admin = await as(people.saiGonAdmin);
    const bad = await admin.request(REGISTER, {
      input: { url: "http://user:pw@hooks.example.org/x", eventTypes: ["lienthong.tasks.task.exploded.v1"], secret: "short" },
    });
    expect(pathsOf(bad.data)).toEqual([["url"], ["eventTypes", "0"], ["secret"]]);
    expect(fieldsOf(bad.data)[0]?.message).toBe(WEBHOOK_URL_PROBLEMS.HAS_CREDENTIALS);
    const plainHttp = await admin.request(REGISTER, { input: { ...good, url: "http://hooks.example.org/x" } });
    expect(fieldsOf(plainHttp.data)).toEqual([{ path: ["url"], message: WEBHOOK_URL_PROBLEMS.NOT_HTTPS }]);
  });
});
