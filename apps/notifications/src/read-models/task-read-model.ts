import { z } from "zod";
import type { Envelope } from "@lienthong/contracts/envelope";
import { taskAdded, taskAssigned, taskUpdated } from "@lienthong/contracts/tasks";
import type { Database } from "@lienthong/store/collection";
import { applyNewerFields, type FieldChanges, type ReadModelDocument } from "@lienthong/store/read-model";
import type { TaskFacts } from "../rules/rule";

export const TASKS = "tasks";

const FACT_FIELDS = ["title", "unit", "assigningUnit", "leadOwner", "coOwners"] as const;
type FactField = (typeof FACT_FIELDS)[number];

interface Facts {
  title: string;
  unit: string;
  assigningUnit: string;
  leadOwner: string;
  coOwners: string[];
}

/** What one event says about a task: a value sets the field, `null` removes it, absent leaves it alone. */
export type FactChanges = FieldChanges<Facts>;

const taskSchema = z.object({
  _id: z.string(),
  title: z.string().optional(),
  unit: z.string().optional(),
  assigningUnit: z.string().optional(),
  leadOwner: z.string().optional(),
  coOwners: z.array(z.string()).optional(),
});

const isFactField = (field: string): field is FactField => (FACT_FIELDS as readonly string[]).includes(field);

/** The facts an event of the tasks stream changes; null for events that change none of them. */
export function factChangesOf(envelope: Envelope): { taskId: string; changes: FactChanges } | null {
  if (envelope.type === taskAdded.type) {
    const { taskId, title, unit, assigningUnit, leadOwner, coOwners } = taskAdded.schema.parse(envelope.data);
    return { taskId, changes: { title, unit, assigningUnit, coOwners, leadOwner: leadOwner ?? null } };
  }
  if (envelope.type === taskUpdated.type) {
    const { taskId, unit, changes, cleared = [] } = taskUpdated.schema.parse(envelope.data);
    const facts: FactChanges = { unit, title: changes.title, leadOwner: changes.leadOwner, coOwners: changes.coOwners };
    for (const field of cleared) if (isFactField(field)) facts[field] = null;
    return { taskId, changes: facts };
  }
  if (envelope.type === taskAssigned.type) {
    const { taskId, unit, leadOwner, coOwners } = taskAssigned.schema.parse(envelope.data);
    return { taskId, changes: { unit, leadOwner, coOwners } };
  }
  return null;
}

/**
 * Only what messages and recipients need from the tasks service's events: title, units, owners.
 * Each field keeps the version of the event that last wrote it and takes a write only from a newer event (the
 * store's applyNewerFields), so events applied in any order, or again, leave each field as the newest event that
 * touched it says: the task's own evolve changes these fields field by field too.
 */
export function createTaskReadModel(db: Database) {
  const collection = db.collection<ReadModelDocument<Facts>>(TASKS);

  return {
    /** Folds one tasks-stream event in; other events are ignored. Safe to apply twice and out of order. */
    async apply(envelope: Envelope): Promise<void> {
      const changed = factChangesOf(envelope);
      if (changed !== null) await applyNewerFields(collection, changed.taskId, envelope.aggregateversion, changed.changes);
    },
    /** Null until the task's title, unit and owners are known (its added event may not have arrived yet). */
    async byId(id: string): Promise<TaskFacts | null> {
      const doc = await collection.findOne({ _id: id });
      if (doc === null) return null;
      const { title, unit, coOwners, assigningUnit, leadOwner } = taskSchema.parse(doc);
      if (title === undefined || unit === undefined || coOwners === undefined) return null;
      return {
        id,
        title,
        unit,
        coOwners,
        ...(assigningUnit === undefined ? {} : { assigningUnit }),
        ...(leadOwner === undefined ? {} : { leadOwner }),
      };
    },
  };
}

export type TaskReadModel = ReturnType<typeof createTaskReadModel>;
