import { z } from "zod";
import { FINDING_SEVERITIES } from "@lienthong/contracts/tasks";
import type { Collection, Database, Filter } from "@lienthong/store/collection";
import { createRepository, type AggregateDocument, type Repository } from "@lienthong/store/repository";
import { INSPECTION_STATUSES, type Inspection } from "./inspection";

export const INSPECTIONS = "inspections";

const text = z.string();
const followUpSchema = z.object({
  taskId: text,
  title: text,
  deliverable: text,
  expectedResult: text,
  deadline: text,
  leadOwner: text,
  responsibility: text.optional(),
  authority: text.optional(),
});
const inspectionSchema = z.object({
  id: text,
  inspectedUnit: text,
  scope: text,
  date: text,
  team: z.array(text),
  lead: text,
  status: z.enum(INSPECTION_STATUSES),
  findings: z.array(z.object({ summary: text, severity: z.enum(FINDING_SEVERITIES), followUp: followUpSchema.optional() })),
  findingsRecordedAt: text.optional(),
});

export function parseInspection(doc: unknown): Inspection {
  return inspectionSchema.parse(doc);
}

export function inspectionRepository(db: Database, afterSave?: (id: string) => void): Repository<Inspection> {
  return createRepository<Inspection>({ db, collection: INSPECTIONS, parse: parseInspection, ...(afterSave ? { afterSave } : {}) });
}

type InspectionDocument = AggregateDocument & Inspection;

export interface InspectionFilter {
  /** Only inspections of these units; undefined = every unit. */
  units?: string[];
  /** Readers below city level: their units' inspections and those they are on the team of. */
  scope?: { units: string[]; official: string };
}

function filterOf({ units, scope }: InspectionFilter): Filter<InspectionDocument> {
  const and: Filter<InspectionDocument>[] = [];
  if (units) and.push({ inspectedUnit: { $in: units } });
  if (scope) and.push({ $or: [{ inspectedUnit: { $in: scope.units } }, { team: scope.official }] });
  return and.length === 0 ? {} : { $and: and };
}

export function createInspectionQueries(db: Database) {
  const collection: Collection<InspectionDocument> = db.collection<InspectionDocument>(INSPECTIONS);
  const noOutbox = { _outbox: 0 } as const;
  return {
    async ensureIndexes(): Promise<void> {
      await collection.createIndex({ inspectedUnit: 1, date: -1 });
      await collection.createIndex({ team: 1 });
    },
    async byId(id: string): Promise<Inspection | null> {
      const doc = await collection.findOne({ _id: id }, { projection: noOutbox });
      return doc ? parseInspection(doc) : null;
    },
    count: (filter: InspectionFilter): Promise<number> => collection.countDocuments(filterOf(filter)),
    /** Latest inspection date first, then newest first (ids are time-ordered). */
    async list(filter: InspectionFilter, window: { offset: number; limit: number }): Promise<Inspection[]> {
      const docs = await collection
        .find(filterOf(filter), { projection: noOutbox, sort: { date: -1, _id: -1 }, skip: window.offset, limit: window.limit })
        .toArray();
      return docs.map(parseInspection);
    },
  };
}

export type InspectionQueries = ReturnType<typeof createInspectionQueries>;
