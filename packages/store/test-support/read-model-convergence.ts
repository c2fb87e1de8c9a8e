import { expect } from "vitest";
import type { Envelope } from "@lienthong/contracts/envelope";

/** A read model under test: how to feed it an event, and what its users would see of the records the events are about. */
export interface ReadModelProbe<View> {
  apply(envelope: Envelope): Promise<void>;
  view(): Promise<View>;
}

export interface ConvergenceCase<View> {
  /** The events of one or more aggregates, in the order they happened (at most 6: every order is tried). */
  events: readonly Envelope[];
  /** What `view` shows once every event is in. */
  expected: View;
  /** A new, empty read model (its own database) for each delivery tried. */
  fresh(): Promise<ReadModelProbe<View>>;
}

interface Delivery {
  label: string;
  feed(probe: ReadModelProbe<unknown>): Promise<void>;
}

const MAX_EVENTS = 6;

/**
 * Feeds a read model the same events as at-least-once delivery might: in every order, each order followed by a
 * late redelivery of everything in reverse, every event twice in a row, and all of them (twice) at once. Each
 * delivery starts from an empty read model and must end with the `expected` view.
 */
export async function expectConvergence<View>(testCase: ConvergenceCase<View>): Promise<void> {
  const { events } = testCase;
  if (events.length === 0 || events.length > MAX_EVENTS) throw new Error(`give 1 to ${MAX_EVENTS} events, not ${events.length}`);
  for (const delivery of deliveries(events)) {
    const probe = await testCase.fresh();
    await delivery.feed(probe as ReadModelProbe<unknown>);
    expect(await probe.view(), `delivered ${delivery.label}`).toEqual(testCase.expected);
  }
}

function deliveries(events: readonly Envelope[]): Delivery[] {
  const inSequence = (order: readonly Envelope[], label: string): Delivery => ({
    label,
    async feed(probe) {
      for (const event of order) await probe.apply(event);
    },
  });
  const sequences = permutations(events).map((order) => {
    const redelivered = [...order, ...[...order].reverse()];
    return inSequence(redelivered, `in order ${describe(order)}, then again in reverse`);
  });
  const twice = events.flatMap((event) => [event, event]).reverse();
  return [
    ...sequences,
    inSequence(twice, `each twice in a row, newest first: ${describe(twice)}`),
    {
      label: "all at once, each twice",
      async feed(probe) {
        await Promise.all([...events, ...events].map((event) => probe.apply(event)));
      },
    },
  ];
}

function permutations<T>(items: readonly T[]): T[][] {
  if (items.length <= 1) return [[...items]];
  return items.flatMap((item, index) => permutations([...items.slice(0, index), ...items.slice(index + 1)]).map((rest) => [item, ...rest]));
}

function describe(events: readonly Envelope[]): string {
  return events.map((event) => `${event.type}@${event.subject}#${event.aggregateversion}`).join(" → ");
}
