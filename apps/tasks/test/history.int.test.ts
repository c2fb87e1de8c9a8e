import { describe, expect, it } from "vitest";
import { SAI_GON, people, startTasks } from "./support/tasks-fixture";
import { completeTask, mutation, type Payload } from "./support/operations";

const STATE = `id title status deadline progress extensions { previousDeadline newDeadline grantedBy }`;

describe("history", () => {
  it("lists who did what, when, on whose authority, and rebuilds earlier states exactly", async () => {
    const service = await startTasks();
    const officer = await service.as(people.sgOfficer);
    const lan = await service.as(people.lan);
    const admin = await service.as(people.sgAdmin);
    const added = await officer.request<{ addTask: Payload }>(mutation("addTask"), { input: { unit: SAI_GON, ...completeTask } });
    const id = added.data?.addTask.task?.id as string;
    await officer.request(mutation("assignTask"), { input: { id } });
    service.clock.advance(3_600_000);
    await lan.request(mutation("acceptTask"), { input: { id } });
    const snapshot = (await lan.request<{ task: unknown }>(`query($id: ID!) { task(id: $id) { ${STATE} } }`, { id })).data?.task;
    const between = service.clock.now().toISOString();
    service.clock.advance(3_600_000);
    await lan.request(mutation("requestExtension"), { input: { id, newDeadline: "2026-03-31", reason: "Chờ lịch hội trường" } });
    await admin.request(mutation("grantExtension"), { input: { id, reason: "Đồng ý gia hạn" } });

    const history = await lan.request<{
      task: {
        deadline: string;
        history: {
          event: string;
          action: string;
          actor: string;
          actorName: string;
          authority: string;
          authorityCode: string;
          changes: { field: string; value: string }[];
        }[];
      };
    }>(
      `query($id: ID!) { task(id: $id) { deadline history { version at event action actor actorName authority authorityCode changes { field value } } } }`,
      {
        id,
      },
    );
    const entries = history.data?.task.history ?? [];
    expect(entries.map((entry) => [entry.event, entry.actor, entry.authorityCode])).toEqual([
      ["TaskAdded", "sg-officer", `unit_officer of ${SAI_GON}`],
      ["TaskAssigned", "sg-officer", `unit_officer of ${SAI_GON}`],
      ["TaskAccepted", "o-lan", "lead owner"],
      ["TaskExtensionRequested", "o-lan", "lead owner"],
      ["TaskExtensionGranted", "sg-admin", `unit_admin of ${SAI_GON}`],
    ]);
    // Who and on whose authority as people read it, from the shared labels.
    expect(entries[4]).toMatchObject({
      action: "Đồng ý gia hạn",
      actorName: people.sgAdmin.name,
      authority: "Chủ tịch Ủy ban MTTQ Phường Sài Gòn",
    });
    expect(entries[2]?.authority).toBe("Người chủ trì nhiệm vụ");
    expect(entries[4]?.changes).toContainEqual({ field: "newDeadline", value: "2026-03-31" });
    expect(history.data?.task.deadline).toBe("2026-03-31");

    const asOf = await lan.request<{ taskAsOf: unknown }>(`query($id: ID!, $at: DateTime!) { taskAsOf(id: $id, at: $at) { ${STATE} } }`, {
      id,
      at: between,
    });
    expect(asOf.data?.taskAsOf).toEqual(snapshot);
    const before = await lan.request(`query($id: ID!) { taskAsOf(id: $id, at: "2026-01-01T00:00:00+07:00") { id } }`, { id });
    expect(before.data).toEqual({ taskAsOf: null });
    const other = await (
      await service.as(people.bdOfficer)
    ).request(`query($id: ID!, $at: DateTime!) { taskAsOf(id: $id, at: $at) { id } }`, { id, at: between });
    expect(other.data).toEqual({ taskAsOf: null });
  });
});
