import { envelopeSchema, type Envelope } from "@lienthong/contracts/envelope";
import { ARCHIVE_COLLECTION } from "@lienthong/store/archive";
import type { Database, Document } from "@lienthong/store/collection";
import { toDomainEvent } from "@lienthong/store/command-handler";
import { z } from "zod";
import { authorityLabel, TASK_EVENT_LABELS } from "./messages";
import { TASK_EVENTS } from "./task-commands";
import { evolveStored, TASKS, type StoredTask } from "./task-store";
import type { TaskEvent } from "./task-types";

export interface HistoryEntry {
  version: number;
  at: string;
  /** The principal's id (an official's id, or `system:…` for schedules). */
  actor: string;
  actorName: string;
  /** The authority the actor used, as people read it, e.g. "Chủ tịch Ủy ban MTTQ Phường Sài Gòn". */
  authority: string;
  /** The authority as recorded, for programs, e.g. "unit_admin of 26740", "lead owner", "schedule". */
  authorityCode: string;
  /** The domain event name, e.g. "TaskAssigned". */
  event: string;
  /** What was done, in Vietnamese, e.g. "Giao nhiệm vụ". */
  action: string;
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
    authority: authorityLabel(by.authority),
    authorityCode: by.authority,
    event: event.type,
    action: TASK_EVENT_LABELS[event.type],
    changes,
    correlationId: envelope.correlationid,
  };
}

const outboxSchema = z.object({ _id: z.string(), _outbox: z.array(z.unknown()).default([]) });

function parseEnvelope(doc: unknown, where: string): Envelope {
  const parsed = envelopeSchema.safeParse(doc);
  if (!parsed.success) throw new Error(`${where} holds a malformed event: ${parsed.error.message}`);
  return parsed.data as Envelope;
}

/**
 * Every event of each task, oldest first, with two queries for all of them: the archive (relayed events) and the
 * tasks' outboxes (written with the state, not relayed yet). Reading both means a change shows in the history at
 * once, without the read publishing anything.
 */
export async function taskEvents(db: Database, taskIds: readonly string[]): Promise<Map<string, Envelope[]>> {
  const ids = [...new Set(taskIds)];
  const [archived, pending] = await Promise.all([
    db
      .collection<Document>(ARCHIVE_COLLECTION)
      .find({ subject: { $in: ids } }, { projection: { _id: 0 } })
      .toArray(),
    db
      .collection<{ _id: string }>(TASKS)
      .find({ _id: { $in: ids } }, { projection: { _id: 1, _outbox: 1 } })
      .toArray(),
  ]);
  const byId = new Map<string, Envelope>();
  for (const doc of archived) {
    const envelope = parseEnvelope(doc, "the events archive");
    byId.set(envelope.id, envelope);
  }
  for (const doc of pending) {
    for (const raw of outboxSchema.parse(doc)._outbox) {
      const envelope = parseEnvelope(raw, `the outbox of task ${String(doc._id)}`);
      if (!byId.has(envelope.id)) byId.set(envelope.id, envelope);
    }
  }
  const events = new Map<string, Envelope[]>(ids.map((id) => [id, []]));
  for (const envelope of byId.values()) events.get(envelope.subject)?.push(envelope);
  for (const list of events.values()) list.sort((a, b) => a.aggregateversion - b.aggregateversion);
  return events;
}

/** The audit trail of each task (who, when, what, on whose authority), oldest first. */
export async function taskHistories(db: Database, taskIds: readonly string[]): Promise<Map<string, HistoryEntry[]>> {
  const events = await taskEvents(db, taskIds);
  return new Map(
    [...events].map(([id, list]) => [id, list.map(toEntry).filter((entry): entry is HistoryEntry => entry !== null)] as const),
  );
}

/** The task as it stood at `at`, rebuilt from its events; null when it did not exist yet. */
export async function taskAsOf(db: Database, taskId: string, at: Date): Promise<StoredTask | null> {
  const until = at.getTime();
  const events = ((await taskEvents(db, [taskId])).get(taskId) ?? []).filter((envelope) => Date.parse(envelope.time) <= until);
  return events.reduce<StoredTask | null>((current, envelope) => {
    const event = toDomainEvent<TaskEvent>(TASK_EVENTS, envelope);
    return event === null ? current : evolveStored(current, event);
  }, null);
}
