import { pino, type Logger } from "pino";
import type { Database } from "@lienthong/store/collection";
import type { Envelope } from "@lienthong/contracts/envelope";
import { subjectOf } from "@lienthong/contracts/registry";
import { consumeSettings, type ConsumeOptions, type Consumer, type EventBus } from "./event-bus";
import { appendToLog, prepareLog } from "./embedded-log";
import { runEmbeddedConsumer } from "./embedded-consumer";
import { assertPublishable } from "./receipt";
import { Wakeup } from "./wakeup";

export interface EmbeddedBusOptions {
  /** The database the log, the cursors and the dead letters live in. */
  db: Database;
  log?: Logger;
  /** How often an idle consumer looks for entries appended by another writer; default 500 ms. */
  pollMs?: number;
}

/**
 * The EventBus contract without a broker: an append-only log in the store, one cursor per durable,
 * dead letters in `dead_letters`. De-duplication by event id is permanent (the log keeps every id).
 * Meant for one process per database, as the embedded store itself is.
 */
export async function openEmbeddedBus(options: EmbeddedBusOptions): Promise<EventBus> {
  const { db } = options;
  const log = options.log ?? pino({ level: "silent" });
  await prepareLog(db);
  const consumers = new Map<string, { consumer: Consumer; wakeup: Wakeup }>();
  let appending: Promise<unknown> = Promise.resolve();
  let closed = false;

  return {
    async publish(envelope: Envelope) {
      if (closed) throw new Error("embedded bus is closed");
      const payload = assertPublishable(envelope);
      // Appends are serialised so sequence numbers are committed in order and no consumer skips one.
      const appended = appending.then(() => appendToLog(db, { id: envelope.id, subject: subjectOf(envelope.type), payload }));
      appending = appended.catch(() => undefined);
      if (await appended) for (const { wakeup } of consumers.values()) wakeup.notify();
    },

    async consume(consumeOptions: ConsumeOptions) {
      if (closed) throw new Error("embedded bus is closed");
      const settings = consumeSettings(consumeOptions);
      if (consumers.has(settings.durable)) throw new Error(`durable ${settings.durable}: already consuming on this bus`);
      const wakeup = new Wakeup(options.pollMs ?? 500);
      const running = await runEmbeddedConsumer({
        db,
        settings,
        handler: consumeOptions.handler,
        events: consumeOptions.events ?? [],
        wakeup,
        log: log.child({ durable: settings.durable }),
      });
      const consumer: Consumer = {
        async stop() {
          await running.stop();
          if (consumers.get(settings.durable)?.consumer === consumer) consumers.delete(settings.durable);
        },
      };
      consumers.set(settings.durable, { consumer, wakeup });
      return consumer;
    },

    async close() {
      closed = true;
      await Promise.all([...consumers.values()].map(({ consumer }) => consumer.stop()));
      await appending;
    },
  };
}
