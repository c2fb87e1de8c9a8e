import type { Clock } from "@lienthong/calendar/clock";
import { ok, type DomainError, type Result } from "@lienthong/contracts/errors";
import { newId } from "@lienthong/contracts/ids";
import { recommendationAnswered, recommendationBecameOverdue, recommendationIssued, supervisionStarted } from "@lienthong/contracts/tasks";
import type { Database } from "@lienthong/store/collection";
import { createCommandHandler } from "@lienthong/store/command-handler";
import { SCHEDULE_PRINCIPAL, type Caller } from "../tasks/task-commands";
import type { KnownUnits } from "../units/known-units";
import {
  decide as decideRecommendation,
  type RecommendationCommand,
  type RecommendationContext,
  type RecommendationEvent,
} from "./recommendation";
import { evolveStored, recommendationRepository, type StoredRecommendation } from "./recommendation-store";
import {
  decide as decideSupervision,
  evolve as evolveSupervision,
  type Supervision,
  type SupervisionCommand,
  type SupervisionContext,
  type SupervisionEvent,
} from "./supervision";
import { supervisionRepository } from "./supervision-store";

export const SUPERVISION_EVENTS = { SupervisionStarted: supervisionStarted };
export const RECOMMENDATION_EVENTS = {
  RecommendationIssued: recommendationIssued,
  RecommendationAnswered: recommendationAnswered,
  RecommendationBecameOverdue: recommendationBecameOverdue,
};

export type StartSupervisionInput = Omit<SupervisionCommand, "type" | "supervisionId">;
type Outcome<Value> = Promise<Result<Value, DomainError>>;

export interface SupervisionCommands {
  start(input: StartSupervisionInput, caller: Caller): Outcome<Supervision>;
  issueRecommendation(
    input: { supervisionId: string; content: string; answerDueDate: string },
    caller: Caller,
  ): Outcome<StoredRecommendation>;
  answerRecommendation(id: string, answer: string, caller: Caller): Outcome<StoredRecommendation>;
  /** The schedule's command: the outcome says whether an event was written. */
  markOverdue(id: string, correlationId: string): Outcome<boolean>;
}

export function createSupervisionCommands(deps: {
  db: Database;
  clock: Clock;
  knownUnits: KnownUnits;
  afterSaveSupervision?: (id: string) => void;
  afterSaveRecommendation?: (id: string) => void;
}): SupervisionCommands {
  const supervisions = supervisionRepository(deps.db, deps.afterSaveSupervision);
  const handleSupervision = createCommandHandler<SupervisionCommand, Supervision, SupervisionEvent, SupervisionContext>({
    repository: supervisions,
    decider: { decide: decideSupervision, evolve: evolveSupervision },
    declarations: SUPERVISION_EVENTS,
    now: () => deps.clock.now(),
    unitOf: (supervision) => supervision.supervisedBody,
  });
  const handleRecommendation = createCommandHandler<
    RecommendationCommand,
    StoredRecommendation,
    RecommendationEvent,
    RecommendationContext
  >({
    repository: recommendationRepository(deps.db, deps.afterSaveRecommendation),
    decider: { decide: decideRecommendation, evolve: evolveStored },
    declarations: RECOMMENDATION_EVENTS,
    now: () => deps.clock.now(),
    unitOf: (recommendation) => recommendation.supervisedBody,
  });
  const eventContext = (caller: Caller) => ({ actor: caller.principal.sub, correlationid: caller.correlationId });

  async function recommend(command: RecommendationCommand, caller: Caller, extra: Partial<RecommendationContext> = {}) {
    return handleRecommendation(
      command.recommendationId,
      command,
      { principal: caller.principal, now: deps.clock.now(), ...extra },
      eventContext(caller),
    );
  }

  return {
    async start(input, caller) {
      const supervisionId = newId();
      const result = await handleSupervision(
        supervisionId,
        { type: "StartSupervision", supervisionId, ...input },
        { principal: caller.principal, knownUnits: deps.knownUnits },
        eventContext(caller),
      );
      return result.ok ? ok(result.value.state) : result;
    },
    async issueRecommendation(input, caller) {
      const loaded = await supervisions.load(input.supervisionId);
      const supervision = loaded ? { supervisedBody: loaded.state.supervisedBody } : null;
      const result = await recommend({ type: "IssueRecommendation", recommendationId: newId(), ...input }, caller, { supervision });
      return result.ok ? ok(result.value.state) : result;
    },
    async answerRecommendation(id, answer, caller) {
      const result = await recommend({ type: "AnswerRecommendation", recommendationId: id, answer }, caller);
      return result.ok ? ok(result.value.state) : result;
    },
    async markOverdue(id, correlationId) {
      const result = await recommend(
        { type: "MarkRecommendationOverdue", recommendationId: id },
        { principal: SCHEDULE_PRINCIPAL, correlationId },
      );
      return result.ok ? ok(result.value.events.length > 0) : result;
    },
  };
}
