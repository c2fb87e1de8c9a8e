import type { GraphQLError } from "graphql";
import { createGraphQLError } from "graphql-yoga";

/**
 * GraphQL errors are made with yoga's helper and recognised by name, never with `new`/`instanceof` on our own
 * `graphql` import: graphql ships a CommonJS and an ESM build, and a test runner that inlines workspace sources
 * (vitest) loads both, giving two GraphQLError classes that do not recognise each other's instances. The helper
 * always makes the class the executor and yoga use.
 */
export function graphQLError(message: string, options?: Parameters<typeof createGraphQLError>[1]): GraphQLError {
  const error = createGraphQLError(message, options);
  ours.add(error);
  return error;
}

// Errors made here are worded for clients already (Vietnamese); the rest come from graphql-js, yoga or plugins.
const ours = new WeakSet<GraphQLError>();

/** Made by `graphQLError` (ours, client-ready), not by graphql-js, yoga or a plugin. */
export function isOwnGraphQLError(error: GraphQLError): boolean {
  return ours.has(error);
}

export function isGraphQLError(value: unknown): value is GraphQLError {
  return value instanceof Error && value.name === "GraphQLError";
}
