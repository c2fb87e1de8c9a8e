import type { Envelope } from "@lienthong/contracts/envelope";
import { history, stateAsOf } from "@lienthong/store/archive";
import type { Database } from "@lienthong/store/collection";
import { toDomainEvent } from "@lienthong/store/command-handler";
import { TASK_EVENTS } from "./task-commands";
import { evolveStored, type StoredTask } from "./task-store";
import type { TaskEvent } from "./task-types";

export interface HistoryEntry {
  version: number;
  at: string;
  /** The principal's id (an official's id, or `system:…` for schedules). */
  actor: string;
  actorName: string;
  /** The authority the actor used, e.g. "lead owner", "unit_admin of 26740", "schedule". */
  authority: string;
  /** The domain event name, e.g. "TaskAssigned". */
  event: string;
  /** What the event recorded, field by field (ids and actor left out); an empty value = the field was cleared. */
  changes: { field: string; value: string }[];
  correlationId: string;
}

const HIDDEN = new Set(["taskId", "unit", "by"]);

function toEntry(envelope: Envelope): HistoryEntry | null {
  const event = toDomainEvent<TaskEvent>(TASK_EVENTS, envelope);
  if (event === null) return null;
  const { by } = event.data;
  const changes = Object.entries(event.type === "TaskUpdated" ? event.data.changes : event.data)
    .filter(([field, value]) => !HIDDEN.has(field) && value !== undefined)
    .map(([field, value]) => ({ field, value: typeof value === "string" ? value : JSON.stringify(value) }))
    .concat(event.type === "TaskUpdated" ? (event.data.cleared ?? []).map((field) => ({ field, value: "" })) : []);
  return {
    version: envelope.aggregateversion,
    at: envelope.time,
    actor: envelope.actor,
    actorName: by.name,
    authority: by.authority,
    event: event.type,
    changes,
    correlationId: envelope.correlationid,
  };
}

/** Every archived event of a task, oldest first: the audit trail (who, when, what, on whose authority). */
export async function taskHistory(db: Database, taskId: string): Promise<HistoryEntry[]> {
  return (await history(db, taskId)).map(toEntry).filter((entry): entry is HistoryEntry => entry !== null);
}

/** The task as it stood at `at`, rebuilt from the archive; null when it did not exist yet. */
export async function taskAsOf(db: Database, taskId: string, at: Date): Promise<StoredTask | null> {
  const { state } = await stateAsOf<StoredTask | null>(
    db,
    taskId,
    at,
    (current, envelope) => {
      const event = toDomainEvent<TaskEvent>(TASK_EVENTS, envelope);
      return event === null ? current : evolveStored(current, event);
    },
    null,
  );
  return state;
}
