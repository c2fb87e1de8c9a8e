import { z } from "zod";
import type { Envelope } from "@lienthong/contracts/envelope";
import { recommendationIssued, supervisionStarted } from "@lienthong/contracts/tasks";
import { isDuplicateKeyError, type Database } from "@lienthong/store/collection";
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
type SupervisionDocument = z.infer<typeof supervisionSchema>;
type RecommendationDocument = z.infer<typeof recommendationSchema>;

/**
 * What messages about recommendations need and their overdue event does not carry: the recommendation's content
 * and its supervision's subject. Both are fixed once issued/started, so each is written once and never updated.
 */
export function createOversightReadModel(db: Database) {
  const supervisions = db.collection<SupervisionDocument>(SUPERVISIONS);
  const recommendations = db.collection<RecommendationDocument>(RECOMMENDATIONS);

  async function insertOnce(insert: () => Promise<unknown>): Promise<void> {
    await insert().catch((error: unknown) => {
      if (!isDuplicateKeyError(error)) throw error;
    });
  }

  return {
    /** Folds one tasks-stream event in; other events are ignored. Safe to apply twice. */
    async apply(envelope: Envelope): Promise<void> {
      if (envelope.type === supervisionStarted.type) {
        const { supervisionId, subject } = supervisionStarted.schema.parse(envelope.data);
        await insertOnce(() => supervisions.insertOne({ _id: supervisionId, subject }));
      } else if (envelope.type === recommendationIssued.type) {
        const { recommendationId, supervisionId, supervisedBody, content, answerDueDate } = recommendationIssued.schema.parse(
          envelope.data,
        );
        await insertOnce(() => recommendations.insertOne({ _id: recommendationId, supervisionId, supervisedBody, content, answerDueDate }));
      }
    },
    /** The recommendation with its supervision's subject when that supervision is known. */
    async recommendation(id: string): Promise<RecommendationFacts | null> {
      const doc = await recommendations.findOne({ _id: id });
      if (doc === null) return null;
      const { _id, ...rest } = recommendationSchema.parse(doc);
      const supervision = await supervisions.findOne({ _id: rest.supervisionId });
      const subject = supervision === null ? undefined : supervisionSchema.parse(supervision).subject;
      return { id: _id, ...rest, ...(subject === undefined ? {} : { supervisionSubject: subject }) };
    },
  };
}

export type OversightReadModel = ReturnType<typeof createOversightReadModel>;
