import { z } from "zod";
import type { Envelope } from "@lienthong/contracts/envelope";
import { recommendationIssued, supervisionStarted } from "@lienthong/contracts/tasks";
import type { Database } from "@lienthong/store/collection";
import { applyNewerFields, type ReadModelDocument } from "@lienthong/store/read-model";
import type { RecommendationFacts } from "../rules/rule";

export const SUPERVISIONS = "supervisions";
export const RECOMMENDATIONS = "recommendations";

const supervisionSchema = z.object({ _id: z.string(), subject: z.string() });
const recommendationSchema = z.object({
  _id: z.string(),
  supervisionId: z.string(),
  supervisedBody: z.string(),
  content: z.string(),
  answerDueDate: z.string(),
});
type SupervisionFields = Omit<z.infer<typeof supervisionSchema>, "_id">;
type RecommendationFields = Omit<z.infer<typeof recommendationSchema>, "_id">;

/**
 * What messages about recommendations need and their overdue event does not carry: the recommendation's content
 * and its supervision's subject. Both are fixed once issued/started; like every read model they go through the store's
 * applyNewerFields, so a redelivered or late event never undoes a newer one should these records ever change.
 */
export function createOversightReadModel(db: Database) {
  const supervisions = db.collection<ReadModelDocument<SupervisionFields>>(SUPERVISIONS);
  const recommendations = db.collection<ReadModelDocument<RecommendationFields>>(RECOMMENDATIONS);

  return {
    /** Folds one tasks-stream event in; other events are ignored. Safe to apply twice, late, and in any order. */
    async apply(envelope: Envelope): Promise<void> {
      if (envelope.type === supervisionStarted.type) {
        const { supervisionId, subject } = supervisionStarted.schema.parse(envelope.data);
        await applyNewerFields(supervisions, supervisionId, envelope.aggregateversion, { subject });
      } else if (envelope.type === recommendationIssued.type) {
        const { recommendationId, supervisionId, supervisedBody, content, answerDueDate } = recommendationIssued.schema.parse(
          envelope.data,
        );
        const fields = { supervisionId, supervisedBody, content, answerDueDate };
        await applyNewerFields(recommendations, recommendationId, envelope.aggregateversion, fields);
      }
    },
    /** The recommendation with its supervision's subject when that supervision is known. */
    async recommendation(id: string): Promise<RecommendationFacts | null> {
      const doc = await recommendations.findOne({ _id: id });
      if (doc === null) return null;
      // Not complete yet while an event is being applied field by field.
      const parsed = recommendationSchema.safeParse(doc);
      if (!parsed.success) return null;
      const { _id, ...rest } = parsed.data;
      const supervision = await supervisions.findOne({ _id: rest.supervisionId });
      const subject = supervision === null ? undefined : supervisionSchema.parse(supervision).subject;
      return { id: _id, ...rest, ...(subject === undefined ? {} : { supervisionSubject: subject }) };
    },
  };
}

export type OversightReadModel = ReturnType<typeof createOversightReadModel>;
