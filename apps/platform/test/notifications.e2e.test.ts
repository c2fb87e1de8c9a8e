import { describe, expect, it, onTestFinished } from "vitest";
import { freePort } from "@lienthong/testing/free-port";
import { graphqlClient, type GraphqlClient } from "@lienthong/testing/graphql-client";
import { assertNoEnglish } from "@lienthong/testing/vietnamese";
import { tempDir } from "@lienthong/testing/temp-dir";
import { startPlatformProcess } from "./support/platform-process";
import { subscribe } from "./support/sse";
import { ops, subOf, transition } from "./support/task-operations";

const SAI_GON = "26740";
const FEED = `query($first: Int) { myNotifications(first: $first) { unreadCount totalCount edges { node { kind body } } } }`;
type Feed = { myNotifications: { unreadCount: number; totalCount: number; edges: { node: { kind: string; body: string } }[] } };

async function assignNewTask(admin: GraphqlClient, leadOwner: string, title: string): Promise<string> {
  const input = {
    unit: SAI_GON,
    title,
    description: "Thực hiện theo kế hoạch",
    deliverable: "Báo cáo",
    expectedResult: "Hoàn thành",
    deadline: "2099-12-31",
    leadOwner,
  };
  const added = await admin.request<{ addTask: { task: { id: string } } }>(ops.addTask, { input });
  const id = added.data?.addTask.task.id as string;
  await transition(admin, "assignTask", id);
  return id;
}

async function feedBodies(client: GraphqlClient): Promise<string[]> {
  return ((await client.request<Feed>(FEED, { first: 100 })).data?.myNotifications.edges ?? []).map((edge) => edge.node.body);
}

describe("notifications through the gateway of the all-in-one platform", { timeout: 240_000 }, () => {
  it("tells the assigned officer in the feed and on an open subscription, and nobody else", async () => {
    const data = tempDir("platform-notifications-");
    onTestFinished(data.remove);
    const platform = await startPlatformProcess(data.path, await freePort());
    const admin = graphqlClient(platform.url, { check: assertNoEnglish, token: platform.token(`ward admin ${SAI_GON}`) });
    const officerToken = platform.token(`officer ${SAI_GON}`);
    const officer = graphqlClient(platform.url, { check: assertNoEnglish, token: officerToken });
    const otherToken = platform.token("officer 27592");
    const other = graphqlClient(platform.url, { check: assertNoEnglish, token: otherToken });

    const live = await subscribe<{ notificationAdded: { kind: string; body: string } }>(
      platform.url,
      officerToken,
      `subscription { notificationAdded { kind body } }`,
    );
    const otherLive = await subscribe<{ notificationAdded: { kind: string; body: string } }>(
      platform.url,
      otherToken,
      `subscription { notificationAdded { kind body } }`,
    );
    await assignNewTask(admin, await subOf(officer), "Tập huấn công tác bầu cử cho tổ bầu cử");

    await expect
      .poll(() => live.received.map((item) => item.notificationAdded.body).join("\n"), { timeout: 10_000 })
      .toContain("Tập huấn công tác bầu cử");
    expect(live.received.find((item) => item.notificationAdded.body.includes("Tập huấn"))?.notificationAdded.kind).toBe("TASK_ASSIGNED");
    expect((await feedBodies(officer)).filter((body) => body.includes("Tập huấn công tác bầu cử"))).toHaveLength(1);
    expect(otherLive.received.some((item) => item.notificationAdded.body.includes("Tập huấn"))).toBe(false);
    expect((await feedBodies(other)).some((body) => body.includes("Tập huấn"))).toBe(false);
  });

  it("after kill -9 in the middle of a burst, every assignment that returned is notified exactly once", async () => {
    const data = tempDir("platform-notifications-");
    onTestFinished(data.remove);
    const port = await freePort();
    const first = await startPlatformProcess(data.path, port);
    const admin = () => graphqlClient(first.url, { check: assertNoEnglish, token: first.token(`ward admin ${SAI_GON}`) });
    const officer = () => graphqlClient(first.url, { check: assertNoEnglish, token: first.token(`officer ${SAI_GON}`) });
    const lead = await subOf(officer());
    const titles = Array.from({ length: 12 }, (_, i) => `Đợt vận động số ${i + 1}`);

    // The burst is still running (tasks being added, assigned, relayed, notified) when the process dies.
    const outcomes = titles.map((title) =>
      assignNewTask(admin(), lead, title).then(
        () => title,
        () => null,
      ),
    );
    await new Promise<void>((resolve) => {
      let returned = 0;
      for (const outcome of outcomes) void outcome.then((title) => title !== null && ++returned === 3 && resolve());
    });
    first.child.kill("SIGKILL");
    await first.child.exited;
    const assigned = (await Promise.all(outcomes)).filter((title): title is string => title !== null);
    expect(assigned.length).toBeGreaterThanOrEqual(3);

    await startPlatformProcess(data.path, port);
    const countsOf = async () => {
      const bodies = await feedBodies(officer());
      return new Map(titles.map((title) => [title, bodies.filter((body) => body.includes(`"${title}"`)).length]));
    };
    const assignedCounts = async () => {
      const counts = await countsOf();
      return assigned.map((title) => counts.get(title));
    };
    await expect.poll(assignedCounts, { timeout: 30_000 }).toEqual(assigned.map(() => 1));
    // Give late redeliveries a chance to show up: still exactly one for each returned assignment, never two for any.
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    const counts = await countsOf();
    expect(assigned.map((title) => counts.get(title))).toEqual(assigned.map(() => 1));
    expect([...counts.values()].every((count) => count <= 1)).toBe(true);
  });
});
