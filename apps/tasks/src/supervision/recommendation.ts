import type { z } from "zod";
import type { Principal } from "@lienthong/auth/principal";
import { vnDate } from "@lienthong/calendar/working-days";
import { fail, invalidTransition, notAllowed, notFound, ok, validationError, type Result } from "@lienthong/contracts/errors";
import type { recommendationAnswered, recommendationBecameOverdue, recommendationIssued } from "@lienthong/contracts/tasks";
import { dueAt } from "../tasks/task-deadline";
import { answerAuthority, mayReadSupervised, supervisorAuthority } from "./supervision";

export const RECOMMENDATION_STATUSES = ["OPEN", "ANSWERED"] as const;

/** A kiến nghị issued by a supervision, which the supervised body must answer by a due date. */
export interface Recommendation {
  id: string;
  supervisionId: string;
  supervisedBody: string;
  content: string;
  answerDueDate: string;
  issuedAt: string;
  status: (typeof RECOMMENDATION_STATUSES)[number];
  answer?: string;
  answeredAt?: string;
  /** Answered before the due day ended in Vietnam. */
  answeredOnTime?: boolean;
  /** RecommendationBecameOverdue was emitted (once: the due date never moves). */
  overdueFlagged: boolean;
}

export type RecommendationCommand =
  | { type: "IssueRecommendation"; recommendationId: string; supervisionId: string; content: string; answerDueDate: string }
  | { type: "AnswerRecommendation"; recommendationId: string; answer: string }
  | { type: "MarkRecommendationOverdue"; recommendationId: string };

export type RecommendationEvent =
  | { type: "RecommendationIssued"; data: z.infer<typeof recommendationIssued.schema> }
  | { type: "RecommendationAnswered"; data: z.infer<typeof recommendationAnswered.schema> }
  | { type: "RecommendationBecameOverdue"; data: z.infer<typeof recommendationBecameOverdue.schema> };

export interface RecommendationContext {
  principal: Principal;
  now: Date;
  /** The supervision IssueRecommendation names, as loaded by the command handler (null = no such supervision). */
  supervision?: { supervisedBody: string } | null;
}

const SCHEDULE = { name: "Lịch nhắc việc tự động", authority: "schedule" };

/** Unanswered once the due day has ended in Vietnam, like a task's deadline. */
export function isRecommendationOverdueAt(recommendation: Pick<Recommendation, "status" | "answerDueDate">, now: Date): boolean {
  return recommendation.status === "OPEN" && now.getTime() >= dueAt(recommendation.answerDueDate).getTime();
}

export function decide(
  command: RecommendationCommand,
  state: Recommendation | null,
  ctx: RecommendationContext,
): Result<RecommendationEvent[]> {
  const by = (authority: string) => ({ name: ctx.principal.name, authority });
  if (command.type === "IssueRecommendation") {
    const supervision = ctx.supervision;
    if (!supervision || !mayReadSupervised(ctx.principal, supervision.supervisedBody))
      return fail(notFound(`Không tìm thấy cuộc giám sát "${command.supervisionId}".`));
    const authority = supervisorAuthority(ctx.principal, supervision.supervisedBody);
    if (authority === null) return fail(notAllowed("Chỉ đơn vị giám sát mới ban hành kiến nghị."));
    if (state !== null) return fail(invalidTransition(state.status.toLowerCase(), "issue", "Kiến nghị này đã có."));
    const today = vnDate(ctx.now);
    if (command.answerDueDate < today)
      return fail(validationError([{ path: ["answerDueDate"], message: `Hạn trả lời không được trước hôm nay (${today}).` }]));
    const { type: _type, ...issued } = command;
    return ok([
      {
        type: "RecommendationIssued",
        data: { ...issued, supervisedBody: supervision.supervisedBody, issuedAt: ctx.now.toISOString(), by: by(authority) },
      },
    ]);
  }
  // Another ward's recommendation answers exactly like a missing one.
  if (state === null || !mayReadSupervised(ctx.principal, state.supervisedBody))
    return fail(notFound(`Không tìm thấy kiến nghị "${command.recommendationId}".`));
  const ref = { recommendationId: state.id, supervisionId: state.supervisionId, supervisedBody: state.supervisedBody };

  switch (command.type) {
    case "AnswerRecommendation": {
      const authority = answerAuthority(ctx.principal, state.supervisedBody);
      if (authority === null) return fail(notAllowed("Bạn không có quyền ghi nội dung trả lời kiến nghị này."));
      if (state.status === "ANSWERED") return fail(invalidTransition("answered", "answer", "Kiến nghị đã được trả lời."));
      const onTime = !isRecommendationOverdueAt(state, ctx.now);
      return ok([
        {
          type: "RecommendationAnswered",
          data: { ...ref, answer: command.answer, answeredAt: ctx.now.toISOString(), onTime, by: by(authority) },
        },
      ]);
    }
    case "MarkRecommendationOverdue": {
      // Idempotent: the schedule may ask again, or several instances may ask at once.
      if (state.overdueFlagged || !isRecommendationOverdueAt(state, ctx.now)) return ok([]);
      return ok([{ type: "RecommendationBecameOverdue", data: { ...ref, answerDueDate: state.answerDueDate, by: SCHEDULE } }]);
    }
    default: {
      const unknown: never = command;
      throw new Error(`unknown command ${JSON.stringify(unknown)}`);
    }
  }
}

export function evolve(state: Recommendation | null, event: RecommendationEvent): Recommendation | null {
  switch (event.type) {
    case "RecommendationIssued": {
      const { recommendationId, by: _by, ...issued } = event.data;
      return { ...issued, id: recommendationId, status: "OPEN", overdueFlagged: false };
    }
    case "RecommendationAnswered": {
      const { answer, answeredAt, onTime } = event.data;
      return state === null ? state : { ...state, status: "ANSWERED", answer, answeredAt, answeredOnTime: onTime };
    }
    case "RecommendationBecameOverdue":
      return state === null ? state : { ...state, overdueFlagged: true };
    default: {
      const unknown: never = event;
      throw new Error(`unknown event ${JSON.stringify(unknown)}`);
    }
  }
}
