import { createBuilder } from "@lienthong/subgraph/builder";

/** The tasks subgraph's one Pothos builder (plugin option types merge per package). */
export function createTasksBuilder() {
  return createBuilder();
}

export type TasksBuilder = ReturnType<typeof createTasksBuilder>;
