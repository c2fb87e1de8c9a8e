import { PothosValidationError } from "@pothos/core";
import { ForbiddenError } from "@pothos/plugin-scope-auth";
import type { ExecutionResult, GraphQLError } from "graphql";
import { handleStreamOrSingleExecutionResult, type Plugin } from "graphql-yoga";
import type { Logger } from "pino";
import type { RequestContext } from "./context";
import { DomainError, ValidationError } from "./errors";
import { graphQLError, isGraphQLError, isOwnGraphQLError } from "./graphql-errors";
import { INVALID_REQUEST_MESSAGE, vietnameseGraphQLMessage } from "./graphql-messages";

export const UNEXPECTED_ERROR_MESSAGE = "Đã có lỗi ngoài dự kiến. Xin thử lại sau.";
export const FORBIDDEN_MESSAGE = "Bạn không có quyền truy cập nội dung này.";

/** Top-level `extensions.code` of expected errors; scope failures read FORBIDDEN like UNAUTHENTICATED reads for tokens. */
const TOP_LEVEL_CODES: Record<string, string> = { NOT_ALLOWED: "FORBIDDEN", VALIDATION: "BAD_USER_INPUT" };

/**
 * What a client may see of an error, in Vietnamese. GraphQL's own errors (syntax, variables, UNAUTHENTICATED) pass
 * translated, expected domain errors keep their message with a code, anything else becomes UNEXPECTED_ERROR_MESSAGE.
 * Returns `unexpected: true` when the original must be logged.
 */
export function clientError(error: GraphQLError): { error: GraphQLError; unexpected: boolean } {
  if (isOwnGraphQLError(error)) return { error, unexpected: false };
  let original: unknown = error.originalError;
  while (isGraphQLError(original) && original.originalError) original = original.originalError;
  if (original === undefined || original === null) return { error: inVietnamese(error, INVALID_REQUEST_MESSAGE), unexpected: false };
  // Ours (a scalar's, a token's), possibly wrapped by graphql-js in an English "Variable … got invalid value …" prefix.
  if (isGraphQLError(original)) return { error: inVietnamese(error), unexpected: false };

  const located = locationOf(error);
  if (original instanceof DomainError) {
    const extensions: Record<string, unknown> = { code: TOP_LEVEL_CODES[original.code] ?? original.code };
    if (original instanceof ValidationError) extensions.fields = original.fields;
    return { error: graphQLError(original.message, { ...located, extensions }), unexpected: false };
  }
  if (original instanceof ForbiddenError) {
    return { error: graphQLError(FORBIDDEN_MESSAGE, { ...located, extensions: { code: "FORBIDDEN" } }), unexpected: false };
  }
  // Pothos reports bad client input (an invalid cursor, a negative `first`) with this class.
  if (original instanceof PothosValidationError) {
    const message = vietnameseGraphQLMessage(original.message) ?? INVALID_REQUEST_MESSAGE;
    return { error: graphQLError(message, { ...located, extensions: { code: "BAD_USER_INPUT" } }), unexpected: false };
  }
  return { error: graphQLError(UNEXPECTED_ERROR_MESSAGE, { ...located, extensions: { code: "INTERNAL_SERVER_ERROR" } }), unexpected: true };
}

/**
 * The error with its message in Vietnamese. A message no template knows stays when there is no `fallback` (it is
 * ours); with one, the fallback is shown and the original kept in `extensions.detail` for developers.
 */
function inVietnamese(error: GraphQLError, fallback?: string): GraphQLError {
  const translated = vietnameseGraphQLMessage(error.message);
  if (translated === undefined && fallback === undefined) return error;
  const extensions = translated === undefined ? { ...error.extensions, detail: error.message } : error.extensions;
  return graphQLError(translated ?? (fallback as string), { ...locationOf(error), originalError: error.originalError, extensions });
}

function locationOf(error: GraphQLError) {
  return { nodes: error.nodes, source: error.source, positions: error.positions, path: error.path };
}

/**
 * Masks execution errors where the request's context is at hand, so each unexpected error is logged once,
 * with the request's correlation id, and puts GraphQL's own validation messages in Vietnamese.
 * Must come before yoga's own masking (user plugins do).
 */
export function useContextualErrorMasking(): Plugin<RequestContext> {
  const maskResult =
    (log: Logger) =>
    ({ result, setResult }: { result: ExecutionResult; setResult: (result: ExecutionResult) => void }) => {
      if (!result.errors?.length) return;
      setResult({ ...result, errors: result.errors.map((error) => maskAndLog(error, log)) });
    };
  return {
    onValidate() {
      return ({ result, setResult }) => {
        if (result.length > 0) setResult(result.map((error) => inVietnamese(error, INVALID_REQUEST_MESSAGE)));
      };
    },
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
