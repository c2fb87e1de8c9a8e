import { z } from "zod";
import type { Collection, Database, Filter } from "@lienthong/store/collection";
import { createRepository, type AggregateDocument, type Repository } from "@lienthong/store/repository";
import type { ActionProgramme } from "./programme";

export const PROGRAMMES = "programmes";

const text = z.string();
const programmeSchema = z.object({
  id: text,
  issuingUnit: text,
  title: text,
  term: text.optional(),
  periodFrom: text.optional(),
  periodTo: text.optional(),
  sourceDocument: z.object({ number: text, date: text, issuer: text, summary: text }),
  sourceCongressId: text.optional(),
  targets: z.array(
    z.object({ indicator: text, baseline: z.number().optional(), targetValue: z.number(), unitOfMeasure: text, period: text.optional() }),
  ),
  status: z.enum(["ACTIVE", "CLOSED"]),
  closedReason: text.optional(),
});

export function parseProgramme(doc: unknown): ActionProgramme {
  return programmeSchema.parse(doc);
}

export function programmeRepository(db: Database, afterSave?: (id: string) => void): Repository<ActionProgramme> {
  return createRepository<ActionProgramme>({ db, collection: PROGRAMMES, parse: parseProgramme, ...(afterSave ? { afterSave } : {}) });
}

type ProgrammeDocument = AggregateDocument & ActionProgramme;

export interface ProgrammeFilter {
  /** Only programmes issued by these units ("*" = the city's); undefined = all. */
  issuingUnits?: string[];
  status?: ActionProgramme["status"];
}

export function createProgrammeQueries(db: Database) {
  const collection: Collection<ProgrammeDocument> = db.collection<ProgrammeDocument>(PROGRAMMES);
  const filterFor = ({ issuingUnits, status }: ProgrammeFilter): Filter<ProgrammeDocument> => ({
    ...(issuingUnits === undefined ? {} : { issuingUnit: { $in: issuingUnits } }),
    ...(status === undefined ? {} : { status }),
  });
  return {
    async ensureIndexes(): Promise<void> {
      await collection.createIndex({ issuingUnit: 1 });
    },
    async byIds(ids: readonly string[]): Promise<Map<string, ActionProgramme>> {
      const docs = await collection.find({ _id: { $in: [...ids] } }, { projection: { _outbox: 0 } }).toArray();
      return new Map(docs.map((doc) => [doc._id, parseProgramme(doc)]));
    },
    count: (filter: ProgrammeFilter): Promise<number> => collection.countDocuments(filterFor(filter)),
    async list(filter: ProgrammeFilter, window: { offset: number; limit: number }): Promise<ActionProgramme[]> {
      const docs = await collection
        .find(filterFor(filter), { projection: { _outbox: 0 }, sort: { _id: 1 }, skip: window.offset, limit: window.limit })
        .toArray();
      return docs.map(parseProgramme);
    },
  };
}

export type ProgrammeQueries = ReturnType<typeof createProgrammeQueries>;
