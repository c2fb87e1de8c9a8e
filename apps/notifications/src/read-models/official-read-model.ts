import { z } from "zod";
import type { Envelope } from "@lienthong/contracts/envelope";
import { officialDeactivated, officialRegistered, officialUpdated } from "@lienthong/contracts/directory";
import type { Database, Filter } from "@lienthong/store/collection";
import { applyNewerFields, type FieldChanges, type ReadModelDocument } from "@lienthong/store/read-model";
import type { OfficialFacts } from "../rules/rule";

export const OFFICIALS = "officials";

type OfficialFields = Omit<OfficialFacts, "id">;
type OfficialDocument = ReadModelDocument<OfficialFields>;

/** Every field optional: events may arrive in any order, so a deactivation or an update can come before the registration. */
const officialSchema = z.object({
  _id: z.string(),
  fullName: z.string().optional(),
  unit: z.string().optional(),
  roles: z.array(z.string()).optional(),
  email: z.string().optional(),
  active: z.boolean().optional(),
});

/** Null until the registration has arrived (name, unit, roles and whether active are known). */
function toFacts(doc: unknown): OfficialFacts | null {
  const { _id, fullName, unit, roles, email, active } = officialSchema.parse(doc);
  if (fullName === undefined || unit === undefined || roles === undefined || active === undefined) return null;
  return { id: _id, fullName, unit, roles, active, ...(email === undefined ? {} : { email }) };
}

const known = (facts: OfficialFacts | null): facts is OfficialFacts => facts !== null;

/** The fields one directory event sets or removes; null for other events. */
function changesOf(envelope: Envelope): { officialId: string; changes: FieldChanges<OfficialFields> } | null {
  if (envelope.type === officialRegistered.type) {
    const { officialId, fullName, unit, roles, email } = officialRegistered.schema.parse(envelope.data);
    return { officialId, changes: { fullName, unit, roles, email: email ?? null, active: true } };
  }
  if (envelope.type === officialUpdated.type) {
    const { officialId, changes } = officialUpdated.schema.parse(envelope.data);
    return { officialId, changes: { fullName: changes.fullName, unit: changes.unit, roles: changes.roles, email: changes.email } };
  }
  if (envelope.type === officialDeactivated.type) {
    const { officialId, unit } = officialDeactivated.schema.parse(envelope.data);
    return { officialId, changes: { unit, active: false } };
  }
  return null;
}

/**
 * Officials as directory announces them: the notifications service's own copy, never directory's database. Each
 * field takes only a newer event's value, so redelivered, late or reordered events leave the newest facts.
 */
export function createOfficialReadModel(db: Database) {
  const collection = db.collection<OfficialDocument>(OFFICIALS);

  const findKnown = async (filter: Filter<OfficialDocument>): Promise<OfficialFacts[]> =>
    (await collection.find(filter, { sort: { _id: 1 } }).toArray()).map(toFacts).filter(known);

  return {
    async ensureIndexes(): Promise<void> {
      await collection.createIndex({ unit: 1 });
      await collection.createIndex({ roles: 1 });
    },
    /** Folds one directory event in; other events are ignored. Safe to apply twice, late, and in any order. */
    async apply(envelope: Envelope): Promise<void> {
      const changed = changesOf(envelope);
      if (changed !== null) await applyNewerFields(collection, changed.officialId, envelope.aggregateversion, changed.changes);
    },
    async byId(id: string): Promise<OfficialFacts | null> {
      const doc = await collection.findOne({ _id: id });
      return doc === null ? null : toFacts(doc);
    },
    async byIds(ids: readonly string[]): Promise<Map<string, OfficialFacts>> {
      const docs = await collection.find({ _id: { $in: [...ids] } }).toArray();
      return new Map(
        docs
          .map(toFacts)
          .filter(known)
          .map((facts) => [facts.id, facts]),
      );
    },
    activeOf: (unit: string, role?: string): Promise<OfficialFacts[]> =>
      findKnown({ unit, active: true, ...(role ? { roles: role } : {}) } as Filter<OfficialDocument>),
    /** Active officials holding a role, whatever their unit (city-level roles). */
    activeWithRole: (role: string): Promise<OfficialFacts[]> => findKnown({ roles: role, active: true } as Filter<OfficialDocument>),
  };
}

export type OfficialReadModel = ReturnType<typeof createOfficialReadModel>;
