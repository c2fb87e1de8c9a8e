import type { Envelope } from "@lienthong/contracts/envelope";
import type { Database } from "@lienthong/store/collection";
import { insertIfAbsent } from "@lienthong/store/insert-if-absent";

export const PROCESSED_EVENTS_COLLECTION = "processed_events";

interface ProcessedEvent {
  /** `<durable>:<event id>` */
  _id: string;
  durable: string;
  eventId: string;
  type: string;
  processedAt: string;
}

/**
 * Wraps a consumer's handler so a redelivered event is skipped once it has been handled successfully.
 *
 * Guarantee, stated honestly: an event id is recorded only after the handler resolved. If the process dies
 * between the handler's writes and the record, or two instances receive the same event at the same moment,
 * the handler runs again. So this removes the common duplicates (redelivery after a lost ack, a relay
 * publishing twice beyond the broker's duplicate window) but the handler's own writes must still be
 * idempotent: conditional updates, upserts keyed by event id, commands with idempotency keys.
 */
export function idempotent(
  db: Database,
  durable: string,
  handler: (envelope: Envelope) => Promise<void>,
): (envelope: Envelope) => Promise<void> {
  const processed = db.collection<ProcessedEvent>(PROCESSED_EVENTS_COLLECTION);
  return async (envelope) => {
    const _id = `${durable}:${envelope.id}`;
    if ((await processed.findOne({ _id }, { projection: { _id: 1 } })) !== null) return;
    await handler(envelope);
    // False when another delivery of the same event finished first: the effect is recorded either way.
    await insertIfAbsent(processed, { _id, durable, eventId: envelope.id, type: envelope.type, processedAt: new Date().toISOString() });
  };
}
