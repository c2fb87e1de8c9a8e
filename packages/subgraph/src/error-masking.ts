import { PothosValidationError } from "@pothos/core";
import { ForbiddenError } from "@pothos/plugin-scope-auth";
import type { ExecutionResult, GraphQLError } from "graphql";
import { handleStreamOrSingleExecutionResult, type Plugin } from "graphql-yoga";
import type { Logger } from "pino";
import type { RequestContext } from "./context";
import { DomainError, ValidationError } from "./errors";
import { graphQLError, isGraphQLError } from "./graphql-errors";

export const UNEXPECTED_ERROR_MESSAGE = "Unexpected error.";

/** Top-level `extensions.code` of expected errors; scope failures read FORBIDDEN like UNAUTHENTICATED reads for tokens. */
const TOP_LEVEL_CODES: Record<string, string> = { NOT_ALLOWED: "FORBIDDEN", VALIDATION: "BAD_USER_INPUT" };

/**
 * What a client may see of an error. GraphQL's own errors (syntax, validation, UNAUTHENTICATED) pass, expected
 * domain errors keep their message with a code, anything else becomes "Unexpected error.".
 * Returns `unexpected: true` when the original must be logged.
 */
export function clientError(error: GraphQLError): { error: GraphQLError; unexpected: boolean } {
  let original: unknown = error.originalError;
  while (isGraphQLError(original) && original.originalError) original = original.originalError;
  if (original === undefined || original === null || isGraphQLError(original)) return { error, unexpected: false };

  const located = { nodes: error.nodes, source: error.source, positions: error.positions, path: error.path };
  if (original instanceof DomainError) {
    const extensions: Record<string, unknown> = { code: TOP_LEVEL_CODES[original.code] ?? original.code };
    if (original instanceof ValidationError) extensions.fields = original.fields;
    return { error: graphQLError(original.message, { ...located, extensions }), unexpected: false };
  }
  if (original instanceof ForbiddenError) {
    return { error: graphQLError(original.message, { ...located, extensions: { code: "FORBIDDEN" } }), unexpected: false };
  }
  // Pothos reports bad client input (an invalid cursor, a negative `first`) with this class.
  if (original instanceof PothosValidationError) {
    return { error: graphQLError(original.message, { ...located, extensions: { code: "BAD_USER_INPUT" } }), unexpected: false };
  }
  return { error: graphQLError(UNEXPECTED_ERROR_MESSAGE, { ...located, extensions: { code: "INTERNAL_SERVER_ERROR" } }), unexpected: true };
}

/**
 * Masks execution errors where the request's context is at hand, so each unexpected error is logged once,
 * with the request's correlation id. Must come before yoga's own masking (user plugins do).
 */
export function useContextualErrorMasking(): Plugin<RequestContext> {
  const maskResult =
    (log: Logger) =>
    ({ result, setResult }: { result: ExecutionResult; setResult: (result: ExecutionResult) => void }) => {
      if (!result.errors?.length) return;
      setResult({ ...result, errors: result.errors.map((error) => maskAndLog(error, log)) });
    };
  return {
    onExecute({ args }) {
      const { log } = args.contextValue;
      return { onExecuteDone: (payload) => handleStreamOrSingleExecutionResult(payload, maskResult(log)) };
    },
    onSubscribe({ args }) {
      const { log } = args.contextValue;
      return { onSubscribeResult: (payload) => handleStreamOrSingleExecutionResult(payload, maskResult(log)) };
    },
  };
}

function maskAndLog(error: GraphQLError, log: Logger): GraphQLError {
  const masked = clientError(error);
  if (masked.unexpected)
    log.error({ err: error.originalError, path: error.path?.join(".") }, "unexpected error while resolving a GraphQL field");
  return masked.error;
}

/** yoga's last line of defence for errors outside execution; those are logged by yoga's logger. */
export function maskOutsideExecution(error: unknown, message: string): Error {
  if (isGraphQLError(error)) return clientError(error).error;
  return graphQLError(message, { extensions: { code: "INTERNAL_SERVER_ERROR" } });
}
