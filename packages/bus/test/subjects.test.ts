import { describe, expect, it } from "vitest";
import { consumerNameOf, deadLetterSubjectOf, serviceOfSubject, streamNameOf, subjectMatches } from "../src/subjects";

describe("subject filters", () => {
  it.each([
    ["lt.tasks.task.created.v1", "lt.tasks.task.created.v1", true],
    ["lt.tasks.>", "lt.tasks.task.created.v1", true],
    ["lt.tasks.*.created.v1", "lt.tasks.task.created.v1", true],
    ["lt.tasks.>", "lt.tasks", false],
    ["lt.tasks.task.created.v1", "lt.tasks.task.created.v2", false],
    ["lt.tasks.*", "lt.tasks.task.created.v1", false],
    ["lt.tasks.>", "lt.congresses.congress.opened.v1", false],
  ])("%s on %s → %s", (filter, subject, expected) => {
    expect(subjectMatches(filter, subject)).toBe(expected);
  });
});

describe("JetStream names", () => {
  it("give each service one stream named in upper case", () => {
    expect(streamNameOf("social-cases")).toBe("LT_SOCIAL_CASES");
    expect(serviceOfSubject("lt.social-cases.case.opened.v1")).toBe("social-cases");
  });

  it("refuse a subject that names no service", () => {
    expect(() => serviceOfSubject("lt.>")).toThrow(/does not name a service/);
  });

  it("turn durable names into consumer names without dots", () => {
    expect(consumerNameOf("notifications.on-task-created")).toBe("notifications_on-task-created");
    expect(deadLetterSubjectOf("notifications.on-task-created")).toBe("lt.dlq.notifications_on-task-created");
  });
});
