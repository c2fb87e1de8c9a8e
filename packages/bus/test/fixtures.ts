import { z } from "zod";
import { buildEnvelope, declareEvent } from "@lienthong/contracts/registry";
import type { Envelope } from "@lienthong/contracts/envelope";

export const taskCreated = declareEvent({
  service: "tasks",
  aggregate: "task",
  event: "created",
  version: 1,
  schema: z.object({ title: z.string().min(1), unit: z.string().regex(/^\d{5}$/, "must be a 5-digit unit code") }),
});

let counter = 0;

/** A fresh, valid `lienthong.tasks.task.created.v1` envelope. */
export function taskCreatedEnvelope(title = `Khảo sát hộ nghèo ${++counter}`): Envelope {
  return buildEnvelope(taskCreated, {
    aggregateId: `task-${counter}`,
    aggregateVersion: 1,
    time: new Date("2026-03-02T01:30:00Z"),
    data: { title, unit: "26740" },
    context: { actor: "official-7", correlationid: `corr-${counter}`, unit: "26740", causationid: "cmd-1" },
  });
}

/** The next `count` events of one task, versions `from + 1 …`, as a repository would put them in `_outbox`. */
export function taskHistory(aggregateId: string, count: number, from = 0): Envelope[] {
  return Array.from({ length: count }, (_, index) =>
    buildEnvelope(taskCreated, {
      aggregateId,
      aggregateVersion: from + index + 1,
      time: new Date("2026-03-02T01:30:00Z"),
      data: { title: `Bước ${index + 1}`, unit: "26740" },
      context: { actor: "official-7", correlationid: `corr-${aggregateId}` },
    }),
  );
}

/** Polls until `check` holds; fails with `what` when it does not within the time limit. */
export async function waitFor(what: string, check: () => boolean | Promise<boolean>, timeoutMs = 4000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
