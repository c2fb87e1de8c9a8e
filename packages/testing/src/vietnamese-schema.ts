import { getNamedType, isUnionType, type GraphQLSchema } from "graphql";
import { expect } from "vitest";
import type { GraphqlClient } from "./graphql-client";
import { expectVietnamese } from "./vietnamese";

/**
 * Each mutation's error members, read from the schema, as "mutation ErrorMember" (e.g. "addTask ValidationError"),
 * so a test that sends one request per member must get a case for every new one. `unreachable` names, per mutation,
 * the members no request can reach (say why next to it).
 */
export function mutationErrorMembers(schema: GraphQLSchema, unreachable: Readonly<Record<string, readonly string[]>> = {}): string[] {
  const mutations = schema.getMutationType()?.getFields() ?? {};
  return Object.values(mutations).flatMap((field) => {
    const payload = getNamedType(field.type);
    if (!isUnionType(payload)) return [];
    return payload
      .getTypes()
      .map((member) => member.name)
      .filter((name) => name.endsWith("Error") && !unreachable[field.name]?.includes(name))
      .map((name) => `${field.name} ${name}`);
  });
}

/** One request meant to answer one error member: who sends it, the mutation (taking `$input`), the input, the member expected. */
export type ErrorMemberCase = [client: GraphqlClient, query: string, input: Record<string, unknown>, expected: string];

/**
 * Sends each case, checks that its mutation answered the expected payload member with every message in Vietnamese,
 * and returns the members answered as "mutation ErrorMember", to compare with `mutationErrorMembers`.
 */
export async function answeredErrorMembers(cases: readonly ErrorMemberCase[]): Promise<string[]> {
  const answered = new Set<string>();
  for (const [client, query, input, expected] of cases) {
    const response = await client.request<Record<string, { __typename: string }>>(query, { input });
    const [mutation, payload] = Object.entries(response.data ?? {})[0] ?? [];
    expect({ mutation, typename: payload?.__typename, input }).toEqual({ mutation, typename: expected, input });
    expectVietnamese(response);
    answered.add(`${mutation} ${expected}`);
  }
  return [...answered];
}
