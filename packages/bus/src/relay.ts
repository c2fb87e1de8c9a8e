import { z } from "zod";
import { pino, type Logger } from "pino";
import { parseEnvelope } from "@lienthong/contracts/registry";
import type { Envelope } from "@lienthong/contracts/envelope";
import { periodic } from "@lienthong/calendar/periodic";
import { archiveEvents } from "@lienthong/store/archive";
import type { Collection, Database } from "@lienthong/store/collection";
import { errorText, type EventBus } from "./event-bus";

export interface RelayOptions {
  db: Database;
  /** Aggregate collections whose documents carry an `_outbox`. */
  collections: string[];
  bus: EventBus;
  log?: Logger;
  /** Pause between sweeps once started; default 5 s. */
  sweepIntervalMs?: number;
  /** Told of every event relayed and every failed drain, e.g. to count them for /metrics. */
  observer?: RelayObserver;
}

export interface RelayObserver {
  relayed(envelope: Envelope): void;
  failed(): void;
}

export interface Relay {
  /**
   * Publishes, archives and removes the outbox of one aggregate. Failures are logged and the events stay for
   * the sweep; it rejects only for a collection the relay was not given.
   */
  drain(collection: string, aggregateId: string): Promise<void>;
  /** Drains every aggregate that still has an outbox (after a crash); resolves to the events relayed. */
  sweep(): Promise<number>;
  start(): void;
  stop(): Promise<void>;
}

interface OutboxDocument {
  _id: string;
  _outbox?: unknown[];
}

const outboxSchema = z.object({ _outbox: z.array(z.unknown()).default([]) });

/**
 * Moves events from aggregate outboxes to the bus: publish (msgID = event id), archive in `events`, then
 * `$pull` from `_outbox`. Every step is idempotent, so two relays on the same outbox — or a relay that
 * crashed halfway — publish each event once to the broker (inside its duplicate window) and archive it once.
 */
export function createRelay(options: RelayOptions): Relay {
  const { db, bus } = options;
  const log = options.log ?? pino({ level: "silent" });
  const relayed = new Set(options.collections);
  const inFlight = new Map<string, Promise<number>>();
  let stopped = false;

  const drainOne = async (collection: Collection<OutboxDocument>, aggregateId: string): Promise<number> => {
    const document = await collection.findOne({ _id: aggregateId }, { projection: { _outbox: 1 } });
    const { _outbox: outbox } = outboxSchema.parse(document ?? {});
    let count = 0;
    for (const entry of outbox) {
      const parsed = parseEnvelope(entry);
      if (!parsed.ok) {
        // Left in place so the aggregate's later events are not published ahead of it.
        log.error({ collection: collection.collectionName, aggregateId, reason: parsed.reason }, "outbox holds an invalid envelope");
        return count;
      }
      await bus.publish(parsed.envelope);
      await archiveEvents(db, [parsed.envelope]);
      await collection.updateOne({ _id: aggregateId }, { $pull: { _outbox: { id: parsed.envelope.id } } });
      options.observer?.relayed(parsed.envelope);
      count += 1;
    }
    return count;
  };

  /** One drain at a time per aggregate in this relay; other relays are made harmless by idempotency. */
  const drainCounting = (collectionName: string, aggregateId: string): Promise<number> => {
    if (!relayed.has(collectionName)) return Promise.reject(new Error(`collection: ${collectionName} is not relayed`));
    const key = `${collectionName}\u0000${aggregateId}`;
    const previous = inFlight.get(key) ?? Promise.resolve(0);
    const next = previous
      .then(() => drainOne(db.collection<OutboxDocument>(collectionName), aggregateId))
      .catch((error: unknown) => {
        log.error(
          { collection: collectionName, aggregateId, err: errorText(error) },
          "relay failed; events stay in the outbox for the next sweep",
        );
        options.observer?.failed();
        return 0;
      });
    inFlight.set(key, next);
    void next.finally(() => {
      if (inFlight.get(key) === next) inFlight.delete(key);
    });
    return next;
  };

  const sweepAll = async (): Promise<number> => {
    let total = 0;
    for (const name of options.collections) {
      const pending = await db
        .collection<OutboxDocument>(name)
        .find({ "_outbox.0": { $exists: true } }, { projection: { _id: 1 } })
        .toArray();
      for (const { _id } of pending) {
        if (stopped) return total;
        total += await drainCounting(name, _id);
      }
    }
    if (total > 0) log.info({ relayed: total }, "sweep relayed outbox events");
    return total;
  };

  // Not at start: the service's start() sweeps once itself when it wants to, then the interval takes over.
  const sweeper = periodic({
    name: "relay sweep",
    intervalMs: options.sweepIntervalMs ?? 5000,
    run: sweepAll,
    log,
    firstRun: "after-interval",
  });

  const relay: Relay = {
    async drain(collection, aggregateId) {
      if (stopped) return;
      await drainCounting(collection, aggregateId);
    },
    sweep: () => sweeper.runOnce(),
    start() {
      stopped = false;
      void sweeper.start();
    },
    async stop() {
      stopped = true;
      await sweeper.stop();
      await Promise.allSettled(inFlight.values());
    },
  };
  return relay;
}
