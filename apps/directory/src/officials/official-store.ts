import { z } from "zod";
import { ROLES, type Role } from "@lienthong/contracts/roles";
import type { Collection, Database, Filter } from "@lienthong/store/collection";
import { createRepository, type AggregateDocument, type Repository } from "@lienthong/store/repository";
import { searchKey } from "@lienthong/contracts/units";
import { evolve, type Official, type OfficialEvent } from "./official";

export const OFFICIALS = "officials";

/** An official as stored: the domain state plus a folded name so search ignores case and diacritics. */
export type StoredOfficial = Official & { nameKey: string };

const storedOfficialSchema = z.object({
  id: z.string(),
  fullName: z.string(),
  position: z.string(),
  unit: z.string(),
  roles: z.array(z.enum(ROLES)),
  email: z.string().optional(),
  phone: z.string().optional(),
  active: z.boolean(),
  nameKey: z.string(),
});

export function parseStoredOfficial(doc: unknown): StoredOfficial {
  return storedOfficialSchema.parse(doc);
}

/** evolve() plus the derived search key, so every write keeps it in step with the name. */
export function evolveStored(state: StoredOfficial | null, event: OfficialEvent): StoredOfficial | null {
  const next = evolve(state, event);
  return next === null ? null : { ...next, nameKey: searchKey(next.fullName) };
}

export function officialRepository(db: Database, afterSave?: (id: string) => void): Repository<StoredOfficial> {
  return createRepository<StoredOfficial>({ db, collection: OFFICIALS, parse: parseStoredOfficial, ...(afterSave ? { afterSave } : {}) });
}

type OfficialDocument = AggregateDocument & StoredOfficial;

export interface OfficialFilter {
  /** Only these units; undefined = every unit (city level). */
  units?: string[];
  role?: Role;
  search?: string;
  activeOnly?: boolean;
}

export function createOfficialQueries(db: Database) {
  const collection: Collection<OfficialDocument> = db.collection<OfficialDocument>(OFFICIALS);

  function filterFor({ units, role, search, activeOnly }: OfficialFilter): Filter<OfficialDocument> {
    const filter: Filter<OfficialDocument> = {};
    if (units !== undefined) filter.unit = { $in: units };
    if (role !== undefined) filter.roles = role;
    if (activeOnly) filter.active = true;
    // The key is escaped: user text never becomes a query operator or a pattern.
    if (search !== undefined && searchKey(search) !== "") filter.nameKey = { $regex: escapeRegex(searchKey(search)) };
    return filter;
  }

  return {
    async ensureIndexes(): Promise<void> {
      await collection.createIndex({ unit: 1 });
      await collection.createIndex({ roles: 1 });
    },
    async byIds(ids: readonly string[]): Promise<Map<string, StoredOfficial>> {
      const docs = await collection.find({ _id: { $in: [...ids] } }, { projection: { _outbox: 0 } }).toArray();
      return new Map(docs.map((doc) => [doc._id, parseStoredOfficial(doc)]));
    },
    count: (filter: OfficialFilter): Promise<number> => collection.countDocuments(filterFor(filter)),
    /** Officials in registration order (ids are time-ordered UUIDv7). */
    async list(filter: OfficialFilter, window: { offset: number; limit: number }): Promise<StoredOfficial[]> {
      const docs = await collection
        .find(filterFor(filter), { projection: { _outbox: 0 }, sort: { _id: 1 }, skip: window.offset, limit: window.limit })
        .toArray();
      return docs.map(parseStoredOfficial);
    },
  };
}

export type OfficialQueries = ReturnType<typeof createOfficialQueries>;

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
