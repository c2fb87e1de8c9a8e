import { z } from "zod";
import type { Envelope } from "@lienthong/contracts/envelope";
import { taskAdded, taskAssigned, taskUpdated } from "@lienthong/contracts/tasks";
import { isDuplicateKeyError, type Database } from "@lienthong/store/collection";
import type { TaskFacts } from "../rules/rule";

export const TASKS = "tasks";

const taskSchema = z.object({
  _id: z.string(),
  title: z.string(),
  unit: z.string(),
  assigningUnit: z.string().optional(),
  leadOwner: z.string().optional(),
  coOwners: z.array(z.string()),
  version: z.number().int(),
});
type TaskDocument = z.infer<typeof taskSchema>;

/** Only what messages and recipients need from the tasks service's events: title, units, owners. */
export function createTaskReadModel(db: Database) {
  const collection = db.collection<TaskDocument>(TASKS);

  async function applyNewer(id: string, version: number, set: Partial<TaskDocument>): Promise<void> {
    const defined = Object.fromEntries(Object.entries(set).filter(([, value]) => value !== undefined));
    await collection.updateOne({ _id: id, version: { $lt: version } }, { $set: { ...defined, version } });
  }

  return {
    async apply(envelope: Envelope): Promise<void> {
      const version = envelope.aggregateversion;
      if (envelope.type === taskAdded.type) {
        const data = taskAdded.schema.parse(envelope.data);
        const doc: TaskDocument = {
          _id: data.taskId,
          title: data.title,
          unit: data.unit,
          assigningUnit: data.assigningUnit,
          coOwners: data.coOwners,
          version,
          ...(data.leadOwner ? { leadOwner: data.leadOwner } : {}),
        };
        await collection.insertOne(doc).catch((error: unknown) => {
          if (!isDuplicateKeyError(error)) throw error;
        });
      } else if (envelope.type === taskUpdated.type) {
        const { taskId, unit, changes } = taskUpdated.schema.parse(envelope.data);
        await applyNewer(taskId, version, { unit, title: changes.title, leadOwner: changes.leadOwner, coOwners: changes.coOwners });
      } else if (envelope.type === taskAssigned.type) {
        const { taskId, unit, leadOwner, coOwners } = taskAssigned.schema.parse(envelope.data);
        await applyNewer(taskId, version, { unit, leadOwner, coOwners });
      }
    },
    async byId(id: string): Promise<TaskFacts | null> {
      const doc = await collection.findOne({ _id: id });
      if (doc === null) return null;
      const { _id, version: _version, ...rest } = taskSchema.parse(doc);
      return { id: _id, ...rest };
    },
  };
}

export type TaskReadModel = ReturnType<typeof createTaskReadModel>;
