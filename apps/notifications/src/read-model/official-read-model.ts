import { z } from "zod";
import type { Envelope } from "@lienthong/contracts/envelope";
import { officialDeactivated, officialRegistered, officialUpdated } from "@lienthong/contracts/directory";
import { isDuplicateKeyError, type Database } from "@lienthong/store/collection";
import type { OfficialFacts } from "../rules/rule";

export const OFFICIALS = "officials";

const officialSchema = z.object({
  _id: z.string(),
  fullName: z.string(),
  unit: z.string(),
  roles: z.array(z.string()),
  email: z.string().optional(),
  active: z.boolean(),
  /** aggregateversion of the last event applied: an older redelivered event never undoes a newer one. */
  version: z.number().int(),
});
type OfficialDocument = z.infer<typeof officialSchema>;

function toFacts(doc: unknown): OfficialFacts {
  const { _id, version: _version, ...rest } = officialSchema.parse(doc);
  return { id: _id, ...rest };
}

/** Officials as directory announces them: the notifications service's own copy, never directory's database. */
export function createOfficialReadModel(db: Database) {
  const collection = db.collection<OfficialDocument>(OFFICIALS);

  /** Applies the change only when the event is newer than what is stored. */
  async function applyNewer(
    id: string,
    version: number,
    update: { $set?: Partial<OfficialDocument>; $unset?: Record<string, ""> },
  ): Promise<void> {
    await collection.updateOne({ _id: id, version: { $lt: version } }, { ...update, $set: { ...update.$set, version } });
  }

  return {
    async ensureIndexes(): Promise<void> {
      await collection.createIndex({ unit: 1 });
      await collection.createIndex({ roles: 1 });
    },
    /** Folds one directory event in; other events are ignored. Safe to apply twice. */
    async apply(envelope: Envelope): Promise<void> {
      const version = envelope.aggregateversion;
      if (envelope.type === officialRegistered.type) {
        const { officialId, fullName, unit, roles, email } = officialRegistered.schema.parse(envelope.data);
        const doc: OfficialDocument = { _id: officialId, fullName, unit, roles, active: true, version, ...(email ? { email } : {}) };
        await collection.insertOne(doc).catch((error: unknown) => {
          if (!isDuplicateKeyError(error)) throw error;
        });
      } else if (envelope.type === officialUpdated.type) {
        const { officialId, changes } = officialUpdated.schema.parse(envelope.data);
        const { email, phone: _phone, position: _position, ...rest } = changes;
        const set = Object.fromEntries(Object.entries(rest).filter(([, value]) => value !== undefined)) as Partial<OfficialDocument>;
        if (typeof email === "string") set.email = email;
        await applyNewer(officialId, version, { $set: set, ...(email === null ? { $unset: { email: "" } } : {}) });
      } else if (envelope.type === officialDeactivated.type) {
        const { officialId } = officialDeactivated.schema.parse(envelope.data);
        await applyNewer(officialId, version, { $set: { active: false } });
      }
    },
    async byId(id: string): Promise<OfficialFacts | null> {
      const doc = await collection.findOne({ _id: id });
      return doc === null ? null : toFacts(doc);
    },
    async byIds(ids: readonly string[]): Promise<Map<string, OfficialFacts>> {
      const docs = await collection.find({ _id: { $in: [...ids] } }).toArray();
      return new Map(docs.map((doc) => [doc._id, toFacts(doc)]));
    },
    async activeOf(unit: string, role?: string): Promise<OfficialFacts[]> {
      const docs = await collection.find({ unit, active: true, ...(role ? { roles: role } : {}) }, { sort: { _id: 1 } }).toArray();
      return docs.map(toFacts);
    },
    /** Active officials holding a role, whatever their unit (city-level roles). */
    async activeWithRole(role: string): Promise<OfficialFacts[]> {
      const docs = await collection.find({ roles: role, active: true }, { sort: { _id: 1 } }).toArray();
      return docs.map(toFacts);
    },
  };
}

export type OfficialReadModel = ReturnType<typeof createOfficialReadModel>;
