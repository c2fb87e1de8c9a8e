import { idempotent } from "@lienthong/bus/idempotency";
import type { Consumer, EventBus } from "@lienthong/bus/event-bus";
import { directoryEvents } from "@lienthong/contracts/directory";
import type { Database } from "@lienthong/store/collection";
import type { OfficialReadModel } from "../read-models/official-read-model";

export const OFFICIALS_DURABLE = "tasks.officials";
export const OFFICIALS_SUBJECT = "lt.directory.official.>";

/**
 * Keeps the officials read model up to date from directory's events. At-least-once delivery is harmless twice
 * over: redelivered events are skipped by id, and the read model only applies what is newer per field.
 */
export function startOfficialConsumer(deps: { bus: EventBus; db: Database; officials: OfficialReadModel }): Promise<Consumer> {
  return deps.bus.consume({
    durable: OFFICIALS_DURABLE,
    subject: OFFICIALS_SUBJECT,
    events: directoryEvents,
    // A handler failure here is the store's, hence transient; a dead-lettered event would leave an official unknown
    // for good, so retry longer than the default. Malformed events are still dead-lettered at once.
    maxDeliver: 10,
    backoff: [250, 1000, 5000, 15_000],
    handler: idempotent(deps.db, OFFICIALS_DURABLE, (envelope) => deps.officials.apply(envelope)),
  });
}
