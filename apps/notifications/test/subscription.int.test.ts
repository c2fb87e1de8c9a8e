import { describe, expect, it, onTestFinished } from "vitest";
import { added, assigned, publishAll, saiGonStaff } from "./support/events";
import { people, startNotifications, tokenOf } from "./support/notifications-fixture";
import { subscribeOverSse } from "./support/sse";

const SUBSCRIPTION = `subscription { notificationAdded { kind title body taskId } }`;
/** How long to wait for an event before calling it missing: room for a loaded machine, not a speed check (bench/ measures latency). */
const PATIENCE_MS = 10_000;

describe("Subscription.notificationAdded over SSE", () => {
  it("reaches the recipient of the source event, and only the recipient", async () => {
    const { app, bus } = await startNotifications();
    await publishAll(bus, saiGonStaff());
    const server = await app.subgraph.listen(0, "127.0.0.1");
    onTestFinished(() => server.close());
    const url = `http://127.0.0.1:${server.port}/graphql`;
    // Let the welcomes land first, so each stream below starts with nothing pending.
    await expect.poll(() => app.notifications.count(people.saiGonOfficer2.sub, false)).toBe(1);

    const lead = await subscribeOverSse(url, SUBSCRIPTION, { token: await tokenOf(people.saiGonOfficer) });
    // GET, as the gateway forwards a subscription upstream.
    const other = await subscribeOverSse(url, SUBSCRIPTION, { token: await tokenOf(people.saiGonOfficer2), method: "GET" });

    await publishAll(bus, [added("task-9", "Vận động Quỹ Vì người nghèo"), assigned("task-9", people.saiGonOfficer.sub)]);
    const received = await lead.next(PATIENCE_MS);
    expect(received.data).toEqual({
      notificationAdded: {
        kind: "TASK_ASSIGNED",
        title: "Bạn được giao nhiệm vụ mới",
        body: 'Bạn được Phường Sài Gòn giao chủ trì nhiệm vụ "Vận động Quỹ Vì người nghèo"; hạn hoàn thành 15/04/2026.',
        taskId: "task-9",
      },
    });

    // The other officer's first event is their own later task: they never saw the lead's notification.
    await publishAll(bus, [added("task-10", "Thăm hỏi gia đình chính sách"), assigned("task-10", people.saiGonOfficer2.sub)]);
    expect((await other.next(PATIENCE_MS)).data).toMatchObject({ notificationAdded: { taskId: "task-10" } });
  });

  it("refuses a subscription without a token", async () => {
    const { app } = await startNotifications();
    const server = await app.subgraph.listen(0, "127.0.0.1");
    onTestFinished(() => server.close());
    const anonymous = await subscribeOverSse(`http://127.0.0.1:${server.port}/graphql`, SUBSCRIPTION);
    const first = await anonymous.next(PATIENCE_MS);
    expect(first.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
  });
});
