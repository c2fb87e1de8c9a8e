import { createBuilder } from "@lienthong/subgraph/builder";

/** The directory subgraph's one Pothos builder (plugin option types merge per package). */
export function createDirectoryBuilder() {
  return createBuilder();
}

export type DirectoryBuilder = ReturnType<typeof createDirectoryBuilder>;
