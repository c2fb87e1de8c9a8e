import { printSubgraphSchema } from "@apollo/subgraph";
import type { GraphQLSchema } from "graphql";

/**
 * The subgraph SDL with its federation directives (@link, @key, @shareable…), for the checked-in
 * `schema.graphql`. Stable: types come sorted by name (toSubgraphSchema sorts them) and fields in declaration
 * order, so the file only changes when the schema does.
 */
export function printSubgraphSdl(schema: GraphQLSchema): string {
  return `${printSubgraphSchema(schema).trimEnd()}\n`;
}
