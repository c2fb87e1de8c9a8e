import type { GatewayPlugin } from "@graphql-hive/gateway-runtime";
import type { ExecutionResult, GraphQLError } from "graphql";
import { graphQLError, isGraphQLError, isOwnGraphQLError } from "@lienthong/subgraph/graphql-errors";
import { INVALID_REQUEST_MESSAGE, vietnameseGraphQLMessage } from "@lienthong/subgraph/graphql-messages";

/**
 * Codes for GraphQL's own refusals that come without one, so that programs can tell them apart as they can the
 * others (GRAPHQL_PARSE_FAILED, GRAPHQL_VALIDATION_FAILED, BAD_REQUEST). A code already given is never changed.
 */
const MISSING_CODES: readonly [pattern: RegExp, code: string][] = [
  [/^Variable "\$\w+" /, "BAD_USER_INPUT"],
  [/^Required CSRF header/, "CSRF_HEADER_MISSING"],
  [/^Schema is not configured to execute/, "GRAPHQL_VALIDATION_FAILED"],
];

/**
 * The gateway parses and validates queries itself, so GraphQL's own messages (syntax, unknown fields, variables,
 * yoga's request checks) are written here, not by a subgraph: they are put in Vietnamese like the subgraphs do.
 * Validation errors are all graphql-js' (or the introspection rule's): one no template knows reads as
 * INVALID_REQUEST_MESSAGE with the original in `extensions.detail`. Elsewhere only known templates are replaced,
 * since the other messages are the subgraphs' or the gateway's own, Vietnamese already.
 */
export function useVietnameseMessages(): GatewayPlugin {
  return {
    onValidate() {
      return ({ result, setResult }) => {
        if (result.length > 0) setResult(result.map((error) => inVietnamese(error, INVALID_REQUEST_MESSAGE)));
      };
    },
    onResultProcess({ result, setResult }) {
      if (Array.isArray(result)) setResult(result.map(translatedResult));
      else if (!(Symbol.asyncIterator in result)) setResult(translatedResult(result));
    },
  };
}

function translatedResult(result: ExecutionResult): ExecutionResult {
  if (!result.errors?.length) return result;
  return { ...result, errors: result.errors.map((error) => (isGraphQLError(error) ? inVietnamese(error) : error)) };
}

function inVietnamese(error: GraphQLError, fallback?: string): GraphQLError {
  if (isOwnGraphQLError(error)) return error;
  const translated = vietnameseGraphQLMessage(error.message);
  const code = error.extensions.code ?? MISSING_CODES.find(([pattern]) => pattern.test(error.message))?.[1];
  if (translated === undefined && fallback === undefined && code === error.extensions.code) return error;
  // yoga copies a JSON parser's error (English, with the body) into `extensions.originalError`: not for clients.
  const { originalError: _parserError, ...kept } = error.extensions;
  const extensions = {
    ...kept,
    ...(code === undefined ? {} : { code }),
    ...(translated === undefined && fallback !== undefined ? { detail: error.message } : {}),
  };
  return graphQLError(translated ?? fallback ?? error.message, {
    nodes: error.nodes,
    source: error.source,
    positions: error.positions,
    path: error.path,
    originalError: error.originalError,
    extensions,
  });
}
