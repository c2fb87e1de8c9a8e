import type { Logger } from "pino";
import type { Store } from "@lienthong/store/collection";
import { openEmbeddedBus } from "./embedded-bus";
import type { EventBus } from "./event-bus";
import { connectJetStreamBus } from "./jetstream";

/** Database of the embedded bus: its log, cursors and dead letters live beside the services' databases. */
export const EMBEDDED_BUS_DATABASE = "bus";

/** NATS JetStream when a URL is configured, otherwise the embedded durable bus inside the store. */
export function openBus(options: { store: Store; natsUrl?: string | undefined; name: string; log?: Logger }): Promise<EventBus> {
  const log = options.log ? { log: options.log } : {};
  if (options.natsUrl) {
    const servers = options.natsUrl
      .split(",")
      .map((server) => server.trim())
      .filter(Boolean);
    return connectJetStreamBus({ servers, name: options.name, ...log });
  }
  return openEmbeddedBus({ db: options.store.db(EMBEDDED_BUS_DATABASE), ...log });
}
