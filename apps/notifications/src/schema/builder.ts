import { createBuilder } from "@lienthong/subgraph/builder";

/** The notifications subgraph's one Pothos builder (plugin option types merge per package). */
export function createNotificationsBuilder() {
  return createBuilder();
}

export type NotificationsBuilder = ReturnType<typeof createNotificationsBuilder>;
