import { describe, expect, it } from "vitest";
import {
  CLEARABLE_TASK_FIELDS,
  inspectionFindingsRecorded,
  taskDetails,
  oversightEvents,
  recommendationAnswered,
  tasksEvents,
} from "../src/tasks";

describe("tasks service events", () => {
  it("each have their own type and a subject in the LT_TASKS stream", () => {
    const all = [...tasksEvents, ...oversightEvents];
    expect(new Set(all.map((event) => event.type)).size).toBe(all.length);
    expect(all.every((event) => event.subject.startsWith("lt.tasks."))).toBe(true);
    expect(recommendationAnswered.type).toBe("lienthong.tasks.recommendation.answered.v1");
  });

  it("carry a finding's follow-up only with every detail of the task it opens", () => {
    const by = { name: "Hoàng Văn An", authority: "inspection lead" };
    const base = { inspectionId: "i-1", inspectedUnit: "26740", recordedAt: "2026-03-10T03:00:00.000Z", by };
    const followUp = {
      taskId: "i-1-finding-1",
      title: "Bổ sung biên bản",
      deliverable: "Biên bản",
      expectedResult: "Đủ 10/10",
      deadline: "2026-04-15",
      leadOwner: "o-lan",
    };
    expect(
      inspectionFindingsRecorded.schema.safeParse({ ...base, findings: [{ summary: "Thiếu biên bản", severity: "MODERATE", followUp }] })
        .success,
    ).toBe(true);
    const { deadline: _deadline, ...withoutDeadline } = followUp;
    expect(
      inspectionFindingsRecorded.schema.safeParse({
        ...base,
        findings: [{ summary: "Thiếu biên bản", severity: "MODERATE", followUp: withoutDeadline }],
      }).success,
    ).toBe(false);
  });

  it("let an update clear every optional detail of a task and nothing it always has", () => {
    const optional = Object.entries(taskDetails.shape).filter(([, schema]) => schema.safeParse(undefined).success);
    expect(CLEARABLE_TASK_FIELDS).toEqual(optional.map(([field]) => field));
    expect(CLEARABLE_TASK_FIELDS).toEqual(expect.arrayContaining(["description", "leadOwner", "deadline", "parentTaskId"]));
    expect(CLEARABLE_TASK_FIELDS.some((field) => ["title", "coOwners", "milestones", "priority"].includes(field))).toBe(false);
  });
});
