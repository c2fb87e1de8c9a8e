import { payload } from "@lienthong/subgraph/common-types";
import { valueOrThrow } from "@lienthong/subgraph/domain-errors";
import {
  ConflictError,
  InvalidTransitionError,
  NotAllowedError,
  NotFoundError,
  ValidationError,
  parseInput,
} from "@lienthong/subgraph/errors";
import type { SupervisionCommands } from "../supervision/supervision-commands";
import { callerOf } from "./access";
import type { TasksBuilder } from "./builder";
import { answerRecommendationInput, issueRecommendationInput, startSupervisionInput } from "./oversight-input";
import type { SupervisionTypes } from "./supervision";

const ERRORS = [ValidationError, NotAllowedError, NotFoundError, InvalidTransitionError, ConflictError];

export function addSupervisionMutations(builder: TasksBuilder, types: SupervisionTypes, commands: SupervisionCommands) {
  const StartInput = builder.inputType("StartSupervisionInput", {
    fields: (t) => ({
      subject: t.string({ required: true }),
      supervisedBody: t.id({ required: true, description: "5-digit code of the unit whose authorities are supervised." }),
      form: t.field({ type: types.FormEnum, required: true }),
      periodFrom: t.field({ type: "Date", required: true }),
      periodTo: t.field({ type: "Date", required: true }),
    }),
  });
  const IssueInput = builder.inputType("IssueRecommendationInput", {
    fields: (t) => ({
      supervisionId: t.id({ required: true }),
      content: t.string({ required: true }),
      answerDueDate: t.field({ type: "Date", required: true }),
    }),
  });
  const AnswerInput = builder.inputType("AnswerRecommendationInput", {
    fields: (t) => ({ id: t.id({ required: true }), answer: t.string({ required: true }) }),
  });

  builder.mutationFields((t) => ({
    startSupervision: t.authenticated.field({
      type: types.SupervisionRef,
      description: "The city committee, or the unit's own Front committee, starts supervising a unit's authorities.",
      args: { input: t.arg({ type: StartInput, required: true }) },
      errors: payload("supervision", ...ERRORS),
      resolve: async (_root, { input }, ctx) => {
        const parsed = parseInput(startSupervisionInput, input);
        if (parsed instanceof ValidationError) throw parsed;
        return valueOrThrow(await commands.start(parsed, callerOf(ctx)));
      },
    }),
    issueRecommendation: t.authenticated.field({
      type: types.RecommendationRef,
      description: "A supervisor issues a recommendation that the supervised body must answer by answerDueDate.",
      args: { input: t.arg({ type: IssueInput, required: true }) },
      errors: payload("recommendation", ...ERRORS),
      resolve: async (_root, { input }, ctx) => {
        const parsed = parseInput(issueRecommendationInput, input);
        if (parsed instanceof ValidationError) throw parsed;
        return valueOrThrow(await commands.issueRecommendation(parsed, callerOf(ctx)));
      },
    }),
    answerRecommendation: t.authenticated.field({
      type: types.RecommendationRef,
      description: "Records the supervised body's answer, once; answered after the due day counts as late.",
      args: { input: t.arg({ type: AnswerInput, required: true }) },
      errors: payload("recommendation", ...ERRORS),
      resolve: async (_root, { input }, ctx) => {
        const parsed = parseInput(answerRecommendationInput, input);
        if (parsed instanceof ValidationError) throw parsed;
        return valueOrThrow(await commands.answerRecommendation(parsed.id, parsed.answer, callerOf(ctx)));
      },
    }),
  }));
}
