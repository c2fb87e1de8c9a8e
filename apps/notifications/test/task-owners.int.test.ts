import { describe, expect, it } from "vitest";
import type { Envelope } from "@lienthong/contracts/envelope";
import {
  taskAccepted,
  taskAdded,
  taskAssigned,
  taskExtensionRejected,
  taskReturned,
  taskSubmitted,
  taskUpdated,
} from "@lienthong/contracts/tasks";
import { envelopeOf, publishAll, registerStaff } from "./support/events";
import { people, SAI_GON, startNotifications } from "./support/notifications-fixture";

const FEED = `{ myNotifications(first: 20) { edges { node { kind } } } }`;

interface Feed {
  myNotifications: { edges: { node: { kind: string } }[] };
}

const by = { name: "Nguyễn Thị Lan", authority: `unit_admin of ${SAI_GON}` };
const ref = { taskId: "task-1", unit: SAI_GON };
const first = people.saiGonOfficer;
const second = people.saiGonOfficer2;

describe("a task whose lead owner was cleared and given to someone else", () => {
  it("notifies only the new lead owner, and a redelivered clearing update changes nothing", async () => {
    const { app, bus, as } = await startNotifications();
    await registerStaff(bus, app);
    // Assigned by the city (as inspection follow-ups are): its submission goes to city admins, none of whom is registered here.
    const clearing = envelopeOf(taskUpdated, "task-1", 2, { ...ref, changes: {}, cleared: ["leadOwner"], by }, SAI_GON);
    const events: Envelope[] = [
      envelopeOf(
        taskAdded,
        "task-1",
        1,
        {
          ...ref,
          assigningUnit: "*",
          title: "Khắc phục sau kiểm tra",
          leadOwner: first.sub,
          coOwners: [],
          milestones: [],
          priority: "NORMAL",
          by,
        },
        SAI_GON,
      ),
      clearing,
      envelopeOf(taskUpdated, "task-1", 3, { ...ref, changes: { leadOwner: second.sub }, by }, SAI_GON),
      envelopeOf(taskAssigned, "task-1", 4, { ...ref, leadOwner: second.sub, coOwners: [], deadline: "2026-04-15", by }, SAI_GON),
      envelopeOf(taskAccepted, "task-1", 5, { ...ref, by }, SAI_GON),
      envelopeOf(taskSubmitted, "task-1", 6, { ...ref, submittedAt: "2026-04-10T09:00:00+07:00", by }, SAI_GON),
      envelopeOf(taskReturned, "task-1", 7, { ...ref, reason: "Thiếu số liệu khu phố 3", by }, SAI_GON),
    ];
    await publishAll(bus, events);

    const kindsOf = async (person: typeof first) =>
      ((await (await as(person)).request<Feed>(FEED)).data?.myNotifications.edges ?? []).map((edge) => edge.node.kind).sort();
    await expect.poll(() => kindsOf(second)).toEqual(["OFFICIAL_WELCOME", "TASK_ASSIGNED", "TASK_RETURNED"]);

    await app.dispatcher.handle(clearing);
    const rejected = envelopeOf(
      taskExtensionRejected,
      "task-1",
      9,
      { ...ref, requestedDeadline: "2026-05-15", reason: "Không có căn cứ gia hạn", by },
      SAI_GON,
    );
    await app.dispatcher.handle(rejected);

    expect(await kindsOf(second)).toEqual(["OFFICIAL_WELCOME", "TASK_ASSIGNED", "TASK_EXTENSION_REJECTED", "TASK_RETURNED"]);
    expect(await kindsOf(first)).toEqual(["OFFICIAL_WELCOME"]);
  });
});
