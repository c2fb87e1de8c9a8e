import type { GraphQLError } from "graphql";
import { createGraphQLError } from "graphql-yoga";

/**
 * GraphQL errors are made with yoga's helper and recognised by name, never with `new`/`instanceof` on our own
 * `graphql` import: graphql ships a CommonJS and an ESM build, and a test runner that inlines workspace sources
 * (vitest) loads both, giving two GraphQLError classes that do not recognise each other's instances. The helper
 * always makes the class the executor and yoga use.
 */
export function graphQLError(message: string, options?: Parameters<typeof createGraphQLError>[1]): GraphQLError {
  return createGraphQLError(message, options);
}

export function isGraphQLError(value: unknown): value is GraphQLError {
  return value instanceof Error && value.name === "GraphQLError";
}
