import type { z } from "zod";
import type { Envelope, EventContext } from "@lienthong/contracts/envelope";
import type { DomainError, Result } from "@lienthong/contracts/errors";
import { buildEnvelope, type EventDeclaration } from "@lienthong/contracts/registry";
import { ConflictError, type Repository } from "./repository";

/** A domain event as deciders emit it: a past-tense name and the data its declaration describes. */
export interface DomainEvent {
  type: string;
  data: unknown;
}

export interface Decider<Command, State, Event extends DomainEvent, Context> {
  decide(command: Command, state: State | null, context: Context): Result<Event[]>;
  evolve(state: State | null, event: Event): State | null;
}

/** Which contract declares each domain event: the service's one mapping from its events to the wire. */
export type EventDeclarations<Event extends DomainEvent> = { [Type in Event["type"]]: EventDeclaration<z.ZodType> };

export interface CommandOutcome<State, Event> {
  state: State;
  events: Event[];
  envelopes: Envelope[];
}

/**
 * The write path every mutation takes: load → decide → evolve → ONE atomic write of state + outbox,
 * retried on a version conflict (the decider runs again on fresh state).
 */
export function createCommandHandler<Command, State extends object, Event extends DomainEvent, Context>(options: {
  repository: Repository<State>;
  decider: Decider<Command, State, Event, Context>;
  declarations: EventDeclarations<Event>;
  now: () => Date;
  /** The unit an aggregate belongs to, stamped on its events (the envelope's `unit` extension). */
  unitOf?: (state: State) => string | undefined;
}) {
  const { repository, decider, declarations, now, unitOf } = options;

  return async function handle(
    aggregateId: string,
    command: Command,
    context: Context,
    eventContext: EventContext,
  ): Promise<Result<CommandOutcome<State, Event>>> {
    let decided: Event[] = [];
    const result = await repository.execute<DomainError>(aggregateId, (current) => {
      const decision = decider.decide(command, current?.state ?? null, context);
      if (!decision.ok) return decision;
      decided = decision.value;
      const state = decided.reduce<State | null>(decider.evolve, current?.state ?? null);
      if (state === null) throw new Error(`events of ${aggregateId} left no state`);
      const version = current?.version ?? 0;
      const time = now();
      const unit = unitOf?.(state) ?? eventContext.unit;
      const stamped = unit === undefined ? eventContext : { ...eventContext, unit };
      const envelopes = decided.map((event, index) =>
        buildEnvelope(declarations[event.type as Event["type"]], {
          aggregateId,
          aggregateVersion: version + index + 1,
          data: event.data,
          time,
          context: stamped,
        }),
      );
      return { ok: true, state, events: envelopes };
    });
    if (result.ok) return { ok: true, value: { state: result.state, events: decided, envelopes: result.events } };
    if (result.error instanceof ConflictError) return { ok: false, error: { code: "CONFLICT", message: result.error.message } };
    return { ok: false, error: result.error };
  };
}

/** Turns archived envelopes back into domain events, for history and "as of" views. */
export function toDomainEvent<Event extends DomainEvent>(declarations: EventDeclarations<Event>, envelope: Envelope): Event | null {
  for (const [type, declaration] of Object.entries(declarations) as [Event["type"], EventDeclaration][]) {
    if (declaration.type === envelope.type) return { type, data: declaration.schema.parse(envelope.data) } as Event;
  }
  return null;
}
