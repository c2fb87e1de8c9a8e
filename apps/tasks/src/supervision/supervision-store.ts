import { z } from "zod";
import { SUPERVISION_FORMS } from "@lienthong/contracts/tasks";
import type { Collection, Database, Filter } from "@lienthong/store/collection";
import { createRepository, type AggregateDocument, type Repository } from "@lienthong/store/repository";
import type { Supervision } from "./supervision";

export const SUPERVISIONS = "supervisions";

const text = z.string();
const supervisionSchema = z.object({
  id: text,
  subject: text,
  supervisedBody: text,
  form: z.enum(SUPERVISION_FORMS),
  periodFrom: text,
  periodTo: text,
  startedBy: text,
});

export function parseSupervision(doc: unknown): Supervision {
  return supervisionSchema.parse(doc);
}

export function supervisionRepository(db: Database, afterSave?: (id: string) => void): Repository<Supervision> {
  return createRepository<Supervision>({ db, collection: SUPERVISIONS, parse: parseSupervision, ...(afterSave ? { afterSave } : {}) });
}

type SupervisionDocument = AggregateDocument & Supervision;

/** Only supervisions of these bodies (unit codes); undefined = all. */
export interface SupervisionFilter {
  units?: string[];
}

export function createSupervisionQueries(db: Database) {
  const collection: Collection<SupervisionDocument> = db.collection<SupervisionDocument>(SUPERVISIONS);
  const filterOf = ({ units }: SupervisionFilter): Filter<SupervisionDocument> => (units ? { supervisedBody: { $in: units } } : {});
  const noOutbox = { _outbox: 0 } as const;
  return {
    async ensureIndexes(): Promise<void> {
      await collection.createIndex({ supervisedBody: 1, periodFrom: -1 });
    },
    async byId(id: string): Promise<Supervision | null> {
      const doc = await collection.findOne({ _id: id }, { projection: noOutbox });
      return doc ? parseSupervision(doc) : null;
    },
    count: (filter: SupervisionFilter): Promise<number> => collection.countDocuments(filterOf(filter)),
    /** Latest period first, then newest first. */
    async list(filter: SupervisionFilter, window: { offset: number; limit: number }): Promise<Supervision[]> {
      const docs = await collection
        .find(filterOf(filter), { projection: noOutbox, sort: { periodFrom: -1, _id: -1 }, skip: window.offset, limit: window.limit })
        .toArray();
      return docs.map(parseSupervision);
    },
  };
}

export type SupervisionQueries = ReturnType<typeof createSupervisionQueries>;
