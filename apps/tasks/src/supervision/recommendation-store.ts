import { z } from "zod";
import type { Collection, Database, Filter } from "@lienthong/store/collection";
import { createRepository, type AggregateDocument, type Repository } from "@lienthong/store/repository";
import { dueAt } from "../tasks/task-deadline";
import { evolve, RECOMMENDATION_STATUSES, type Recommendation, type RecommendationEvent } from "./recommendation";

export const RECOMMENDATIONS = "recommendations";

/** A recommendation as stored: the state plus the end of its due day in Vietnam, for indexed overdue queries. */
export type StoredRecommendation = Recommendation & { dueAt: string };

const text = z.string();
const storedSchema = z.object({
  id: text,
  supervisionId: text,
  supervisedBody: text,
  content: text,
  answerDueDate: text,
  issuedAt: text,
  status: z.enum(RECOMMENDATION_STATUSES),
  answer: text.optional(),
  answeredAt: text.optional(),
  answeredOnTime: z.boolean().optional(),
  overdueFlagged: z.boolean(),
  dueAt: text,
});

export function parseStoredRecommendation(doc: unknown): StoredRecommendation {
  return storedSchema.parse(doc);
}

/** evolve() plus the derived instant, so every write keeps it in step with the due date. */
export function evolveStored(state: StoredRecommendation | null, event: RecommendationEvent): StoredRecommendation | null {
  const next = evolve(state, event);
  return next === null ? null : { ...next, dueAt: dueAt(next.answerDueDate).toISOString() };
}

export function recommendationRepository(db: Database, afterSave?: (id: string) => void): Repository<StoredRecommendation> {
  return createRepository<StoredRecommendation>({
    db,
    collection: RECOMMENDATIONS,
    parse: parseStoredRecommendation,
    ...(afterSave ? { afterSave } : {}),
  });
}

type RecommendationDocument = AggregateDocument & StoredRecommendation;

export const RECOMMENDATION_BUCKETS = ["answered", "open", "overdue"] as const;
export type RecommendationBucket = (typeof RECOMMENDATION_BUCKETS)[number];

export interface RecommendationFilter {
  units?: string[];
  supervisionId?: string;
  /** answered; open = unanswered within the due date; overdue = unanswered after it (at `now`). */
  bucket?: RecommendationBucket;
  now: Date;
}

function bucketFilter(bucket: RecommendationBucket, now: Date): Filter<RecommendationDocument> {
  switch (bucket) {
    case "answered":
      return { status: "ANSWERED" };
    case "open":
      return { status: "OPEN", dueAt: { $gt: now.toISOString() } };
    case "overdue":
      return { status: "OPEN", dueAt: { $lte: now.toISOString() } };
  }
}

function filterOf(filter: RecommendationFilter): Filter<RecommendationDocument> {
  const and: Filter<RecommendationDocument>[] = [];
  if (filter.units) and.push({ supervisedBody: { $in: filter.units } });
  if (filter.supervisionId !== undefined) and.push({ supervisionId: filter.supervisionId });
  if (filter.bucket !== undefined) and.push(bucketFilter(filter.bucket, filter.now));
  return and.length === 0 ? {} : { $and: and };
}

export type RecommendationCounts = Record<RecommendationBucket, number>;

export function createRecommendationQueries(db: Database) {
  const collection: Collection<RecommendationDocument> = db.collection<RecommendationDocument>(RECOMMENDATIONS);
  const noOutbox = { _outbox: 0 } as const;
  return {
    async ensureIndexes(): Promise<void> {
      await collection.createIndex({ supervisedBody: 1, status: 1 });
      await collection.createIndex({ supervisionId: 1 });
      await collection.createIndex({ status: 1, dueAt: 1 });
    },
    async byId(id: string): Promise<StoredRecommendation | null> {
      const doc = await collection.findOne({ _id: id }, { projection: noOutbox });
      return doc ? parseStoredRecommendation(doc) : null;
    },
    count: (filter: RecommendationFilter): Promise<number> => collection.countDocuments(filterOf(filter)),
    /** Nearest due date first, then issue order. */
    async list(filter: RecommendationFilter, window: { offset: number; limit: number }): Promise<StoredRecommendation[]> {
      const docs = await collection
        .find(filterOf(filter), { projection: noOutbox, sort: { dueAt: 1, _id: 1 }, skip: window.offset, limit: window.limit })
        .toArray();
      return docs.map(parseStoredRecommendation);
    },
    async counts(filter: Omit<RecommendationFilter, "bucket">): Promise<RecommendationCounts> {
      const counts = await Promise.all(RECOMMENDATION_BUCKETS.map((bucket) => collection.countDocuments(filterOf({ ...filter, bucket }))));
      return Object.fromEntries(RECOMMENDATION_BUCKETS.map((bucket, index) => [bucket, counts[index] ?? 0])) as RecommendationCounts;
    },
    /** Per supervised unit, for the city report. */
    async countsByUnit(filter: Omit<RecommendationFilter, "bucket">): Promise<Map<string, RecommendationCounts>> {
      const byUnit = new Map<string, RecommendationCounts>();
      for (const bucket of RECOMMENDATION_BUCKETS) {
        const groups = await collection
          .aggregate<{ _id: string; count: number }>([
            { $match: filterOf({ ...filter, bucket }) },
            { $group: { _id: "$supervisedBody", count: { $sum: 1 } } },
          ])
          .toArray();
        for (const group of groups) {
          const counts = byUnit.get(group._id) ?? { answered: 0, open: 0, overdue: 0 };
          counts[bucket] = group.count;
          byUnit.set(group._id, counts);
        }
      }
      return byUnit;
    },
    /** Unanswered recommendations past their due day and not yet flagged overdue. */
    async overdueCandidates(now: Date, limit: number): Promise<string[]> {
      const docs = await collection
        .find(
          { status: "OPEN", dueAt: { $lte: now.toISOString() }, overdueFlagged: false },
          { projection: { _id: 1 }, sort: { dueAt: 1 }, limit },
        )
        .toArray();
      return docs.map((doc) => doc._id);
    },
  };
}

export type RecommendationQueries = ReturnType<typeof createRecommendationQueries>;
