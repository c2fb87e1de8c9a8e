import { describe, expect, it, onTestFinished } from "vitest";
import type { Envelope } from "@lienthong/contracts/envelope";
import { taskAdded, taskAssigned, taskUpdated } from "@lienthong/contracts/tasks";
import { openEmbeddedStore } from "@lienthong/store/embedded";
import { tempDir } from "@lienthong/testing/temp-dir";
import type { Document } from "@lienthong/store/collection";
import { createTaskReadModel, TASKS } from "../src/read-models/task-read-model";
import { envelopeOf } from "./support/events";
import { people, SAI_GON } from "./support/notifications-fixture";

const by = { name: "Nguyễn Thị Lan", authority: `unit_admin of ${SAI_GON}` };
const A = people.saiGonOfficer.sub;
const B = people.saiGonOfficer2.sub;
const ref = { taskId: "task-1", unit: SAI_GON };

const added = (leadOwner?: string) =>
  envelopeOf(taskAdded, "task-1", 1, {
    ...ref,
    assigningUnit: "*",
    title: "Khắc phục sau kiểm tra",
    coOwners: [],
    milestones: [],
    priority: "NORMAL",
    ...(leadOwner ? { leadOwner } : {}),
    by,
  });
const updated = (
  version: number,
  changes: { title?: string; leadOwner?: string; deadline?: string },
  cleared?: ("leadOwner" | "deadline")[],
) => envelopeOf(taskUpdated, "task-1", version, { ...ref, changes, ...(cleared ? { cleared } : {}), by });
const assigned = (version: number, leadOwner: string) =>
  envelopeOf(taskAssigned, "task-1", version, { ...ref, leadOwner, coOwners: [], deadline: "2026-04-15", by });

async function readModelAfter(events: Envelope[], existing?: Document) {
  const dir = tempDir("notifications-read-model-");
  const store = await openEmbeddedStore({ dir: dir.path });
  onTestFinished(async () => {
    await store.close();
    await dir.remove();
  });
  const db = store.db("notifications");
  if (existing) await db.collection(TASKS).insertOne(existing);
  const tasks = createTaskReadModel(db);
  for (const event of events) await tasks.apply(event);
  return tasks;
}

describe("the task read model", () => {
  it("forgets a lead owner an update cleared, and ignores cleared fields it does not keep", async () => {
    const tasks = await readModelAfter([added(A), updated(2, {}, ["leadOwner", "deadline"])]);
    const task = await tasks.byId("task-1");
    expect(task).toMatchObject({ title: "Khắc phục sau kiểm tra", unit: SAI_GON, assigningUnit: "*" });
    expect(task?.leadOwner).toBeUndefined();
  });

  it("keeps the newest lead owner when an older clearing update arrives late or again", async () => {
    const clearing = updated(2, {}, ["leadOwner"]);
    const tasks = await readModelAfter([added(A), clearing, updated(3, { leadOwner: B }), assigned(4, B), clearing, added(A)]);
    expect((await tasks.byId("task-1"))?.leadOwner).toBe(B);
  });

  it("applies each field of events that arrive out of order as the newest event touching it says", async () => {
    // Version 3 (new lead owner) is handled before version 2 (new title): neither hides the other.
    const tasks = await readModelAfter([added(A), updated(3, { leadOwner: B }), updated(2, { title: "Khắc phục sau kiểm tra (bổ sung)" })]);
    expect(await tasks.byId("task-1")).toMatchObject({ title: "Khắc phục sau kiểm tra (bổ sung)", leadOwner: B });
  });

  it("knows nothing of a task until its added event arrives, then keeps later updates that came first", async () => {
    const tasks = await readModelAfter([updated(2, { title: "Tiêu đề mới" }, ["leadOwner"])]);
    expect(await tasks.byId("task-1")).toBeNull();
    await tasks.apply(added(A));
    const task = await tasks.byId("task-1");
    expect(task).toMatchObject({ title: "Tiêu đề mới", assigningUnit: "*", coOwners: [] });
    expect(task?.leadOwner).toBeUndefined();
  });

  it("treats a task written before fields had their own versions as known up to its one version", async () => {
    const before = {
      _id: "task-1",
      title: "Khắc phục sau kiểm tra",
      unit: SAI_GON,
      assigningUnit: "*",
      leadOwner: B,
      coOwners: [],
      version: 4,
    };
    const tasks = await readModelAfter([updated(2, { title: "Tiêu đề cũ" }, ["leadOwner"]), updated(5, { title: "Tiêu đề mới" })], before);
    expect(await tasks.byId("task-1")).toMatchObject({ title: "Tiêu đề mới", leadOwner: B });
  });
});
