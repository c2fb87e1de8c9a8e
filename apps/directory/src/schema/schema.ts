import type { GraphQLSchema } from "graphql";
import { toSubgraphSchema } from "@lienthong/subgraph/builder";
import { createDirectoryBuilder } from "./builder";
import { addMeSchema } from "./me";
import { addOfficialSchema, type OfficialSchemaDeps } from "./official";
import { addUnitSchema } from "./unit";

export function buildDirectorySchema(deps: OfficialSchemaDeps): GraphQLSchema {
  const builder = createDirectoryBuilder();
  builder.queryType({});
  builder.mutationType({});
  const UnitRef = addUnitSchema(builder, deps.units);
  const officialTypes = addOfficialSchema(builder, UnitRef, deps);
  addMeSchema(builder, officialTypes, deps.officials);
  return toSubgraphSchema(builder);
}
