/**
 * The subgraphs the gateway composes, with the address each one listens on by default.
 * `pnpm compose` reads `apps/<name>/schema.graphql` for each entry; `SUBGRAPHS` overrides the URLs at run time.
 */
export interface KnownSubgraph {
  name: string;
  defaultUrl: string;
}

export const SUBGRAPHS: readonly KnownSubgraph[] = Object.freeze([
  { name: "directory", defaultUrl: "http://127.0.0.1:4001/graphql" },
  { name: "tasks", defaultUrl: "http://127.0.0.1:4002/graphql" },
  { name: "notifications", defaultUrl: "http://127.0.0.1:4009/graphql" },
]);
