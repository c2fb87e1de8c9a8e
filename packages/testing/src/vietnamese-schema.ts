import { getNamedType, isUnionType, type GraphQLSchema } from "graphql";

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
