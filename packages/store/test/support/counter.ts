import type { Envelope } from "@lienthong/contracts/envelope";
import { buildEnvelope, declareEvent } from "@lienthong/contracts/registry";
import { z } from "zod";
import type { Document } from "../../src/collection";

/** A tiny aggregate for repository and archive tests: a counter with an optional label. */
export const counterIncremented = declareEvent({
  service: "store",
  aggregate: "counter",
  event: "incremented",
  version: 1,
  schema: z.object({ by: z.number().int() }),
});

export const counterStateSchema = z.object({ count: z.number().int(), label: z.string().optional() });
export type CounterState = z.infer<typeof counterStateSchema>;

export const parseCounter = (doc: Document): CounterState => counterStateSchema.parse(doc);

export function incremented(aggregateId: string, aggregateVersion: number, by = 1, time = new Date()): Envelope {
  return buildEnvelope(counterIncremented, {
    aggregateId,
    aggregateVersion,
    data: { by },
    time,
    context: { actor: "tester", correlationid: "test" },
  });
}

export function evolveCounter(state: CounterState, event: Envelope): CounterState {
  return { ...state, count: state.count + (event.data as { by: number }).by };
}
