import { z } from "zod";
import type { Envelope } from "@lienthong/contracts/envelope";
import { officialDeactivated, officialRegistered, officialUpdated } from "@lienthong/contracts/directory";
import type { Database } from "@lienthong/store/collection";
import { applyNewerFields, type FieldChanges, type ReadModelDocument } from "@lienthong/store/read-model";
import type { OfficialFacts } from "../officials/official";

export const OFFICIALS = "officials";

type OfficialFields = Omit<OfficialFacts, "id">;
type OfficialDocument = ReadModelDocument<OfficialFields>;

/**
 * Each field carries the aggregateversion of the event that last set it (the store's applyNewerFields), so events
 * may arrive in any order and any number of times: a field only moves forward. (One version per document would let
 * a late registration be dropped after an update that overtook it, and lose the name and unit for good.)
 */
const officialDocumentSchema = z.object({
  _id: z.string(),
  fullName: z.string().optional(),
  unit: z.string().optional(),
  active: z.boolean().optional(),
});

/** Known once registered or deactivated: before that, `active` is not set and the official is not known yet. */
function toFacts(doc: unknown): OfficialFacts | null {
  const { _id, fullName, unit, active } = officialDocumentSchema.parse(doc);
  if (unit === undefined || active === undefined) return null;
  return { id: _id, unit, active, ...(fullName === undefined ? {} : { fullName }) };
}

/** The tasks service's own copy of directory's officials, fed by directory's events; never directory's database. */
export function createOfficialReadModel(db: Database) {
  const collection = db.collection<OfficialDocument>(OFFICIALS);

  const setIfNewer = (id: string, version: number, changes: FieldChanges<OfficialFields>): Promise<void> =>
    applyNewerFields(collection, id, version, changes);

  async function byIds(ids: readonly string[]): Promise<Map<string, OfficialFacts>> {
    if (ids.length === 0) return new Map();
    const docs = await collection.find({ _id: { $in: [...ids] } }).toArray();
    return new Map(
      docs
        .map(toFacts)
        .filter((facts): facts is OfficialFacts => facts !== null)
        .map((facts) => [facts.id, facts]),
    );
  }

  return {
    /** Folds one directory official event in; safe to apply twice, and in any order. Other events are ignored. */
    async apply(envelope: Envelope): Promise<void> {
      const version = envelope.aggregateversion;
      if (envelope.type === officialRegistered.type) {
        const { officialId, fullName, unit } = officialRegistered.schema.parse(envelope.data);
        await setIfNewer(officialId, version, { fullName, unit, active: true });
      } else if (envelope.type === officialUpdated.type) {
        const { officialId, changes } = officialUpdated.schema.parse(envelope.data);
        await setIfNewer(officialId, version, { fullName: changes.fullName, unit: changes.unit });
      } else if (envelope.type === officialDeactivated.type) {
        const { officialId, unit } = officialDeactivated.schema.parse(envelope.data);
        await setIfNewer(officialId, version, { unit, active: false });
      }
    },
    byIds,
    /**
     * Resolves once every id is known here (active or not), for callers that just registered officials in
     * directory and must wait for its events, e.g. the platform's demo seed. Rejects after `timeoutMs`.
     */
    async waitFor(ids: readonly string[], timeoutMs: number): Promise<void> {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const known = await byIds(ids);
        const missing = ids.filter((id) => !known.has(id));
        if (missing.length === 0) return;
        if (Date.now() >= deadline)
          throw new Error(`officials not known to the tasks service after ${timeoutMs} ms: ${missing.join(", ")}`);
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
    },
  };
}

export type OfficialReadModel = ReturnType<typeof createOfficialReadModel>;
