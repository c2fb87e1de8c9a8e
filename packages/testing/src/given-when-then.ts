import { expect } from "vitest";

/**
 * What a decider may answer: its events, or an expected error as a value. Recognised shapes: `Event[]` and
 * `{ ok: true, events }` and `{ ok: true, value: Event[] }` are events; `{ ok: false, error }`, an `Error` or any other object is the error; a thrown
 * error counts as an error too.
 */
export type DecideResult<Event> =
  | readonly Event[]
  | { readonly ok: true; readonly events: readonly Event[] }
  | { readonly ok: true; readonly value: readonly Event[] }
  | { readonly ok: false; readonly error: unknown }
  | object;

export interface Decider<Command, Event, State, Context> {
  decide(command: Command, state: State, context: Context): DecideResult<Event>;
  evolve(state: State, event: Event): State;
  /** A value, or a function returning a fresh one (safer when deciders might mutate state). */
  initialState: State | (() => State);
}

type ErrorClass = abstract new (...args: never[]) => Error;
/** An error class, a predicate, a message substring or pattern, or a partial object the error must match. */
export type ErrorMatcher<E = unknown> = ErrorClass | ((error: E) => boolean) | string | RegExp | Record<string, unknown>;

export interface Then<Event, State> {
  /** Asserts the decider emitted exactly these events (deep equality); returns them and the state they lead to. */
  then(expected: readonly Event[]): { events: readonly Event[]; state: State };
  /** Asserts the decider refused (returned or threw an error) and that the error matches; returns the error. */
  thenError<E = unknown>(matcher?: ErrorMatcher<E>): E;
}

/**
 * Given/when/then for deciders, in the spirit of emmett's DeciderSpecification:
 *
 *   const given = forDecider(taskDecider, { now: new Date("2026-03-01T00:00:00Z") });
 *   given(taskCreated).when(assignTask).then([taskAssigned]);
 *   given().when(assignTask).thenError(InvalidTransitionError);
 */
export function forDecider<Command, Event, State, Context>(decider: Decider<Command, Event, State, Context>, defaultContext?: Context) {
  return (...history: Event[]) => ({
    when(command: Command, context: Context | undefined = defaultContext): Then<Event, State> {
      const state = history.reduce(decider.evolve, initial(decider));
      const outcome = run(() => decider.decide(command, state, context as Context));
      return {
        then(expected) {
          if (typeof expected === "function") {
            throw new TypeError("given(...).when(...) is not a promise: do not await it, call .then(expectedEvents)");
          }
          if (outcome.kind === "error") {
            throw new Error(`expected events, but the decider refused: ${describe(outcome.error)}`, { cause: outcome.error });
          }
          expect(outcome.events).toEqual(expected);
          return { events: outcome.events, state: outcome.events.reduce(decider.evolve, state) };
        },
        thenError<E>(matcher?: ErrorMatcher<E>): E {
          if (outcome.kind === "events") {
            throw new Error(`expected an error, but the decider emitted ${JSON.stringify(outcome.events)}`);
          }
          if (matcher !== undefined) assertMatches(outcome.error, matcher as ErrorMatcher);
          return outcome.error as E;
        },
      };
    },
  });
}

type Outcome<Event> = { kind: "events"; events: readonly Event[] } | { kind: "error"; error: unknown };

function run<Event>(decide: () => DecideResult<Event>): Outcome<Event> {
  let result: DecideResult<Event>;
  try {
    result = decide();
  } catch (error) {
    return { kind: "error", error };
  }
  if (Array.isArray(result)) return { kind: "events", events: result as readonly Event[] };
  if (typeof result !== "object" || result === null) {
    throw new TypeError(`decide returned neither events nor an error: ${String(result)}`);
  }
  if ("ok" in result && result.ok === true && "events" in result && Array.isArray(result.events)) {
    return { kind: "events", events: result.events as readonly Event[] };
  }
  // The shared Result shape of @lienthong/contracts/errors: { ok: true, value: events }.
  if ("ok" in result && result.ok === true && "value" in result && Array.isArray(result.value)) {
    return { kind: "events", events: result.value as readonly Event[] };
  }
  if ("ok" in result && result.ok === false && "error" in result) return { kind: "error", error: result.error };
  return { kind: "error", error: result };
}

function initial<State>(decider: { initialState: State | (() => State) }): State {
  const { initialState } = decider;
  return typeof initialState === "function" ? (initialState as () => State)() : initialState;
}

function assertMatches(error: unknown, matcher: ErrorMatcher): void {
  if (typeof matcher === "string") {
    expect(messageOf(error)).toContain(matcher);
  } else if (matcher instanceof RegExp) {
    expect(messageOf(error)).toMatch(matcher);
  } else if (typeof matcher === "function") {
    if (matcher.prototype instanceof Error || matcher === Error) {
      expect(error).toBeInstanceOf(matcher);
    } else if (!(matcher as (error: unknown) => boolean)(error)) {
      throw new Error(`the error does not satisfy the predicate: ${describe(error)}`, { cause: error });
    }
  } else {
    expect(error).toMatchObject(matcher);
  }
}

function messageOf(error: unknown): string {
  if (error instanceof Error) return error.message;
  if (typeof error === "object" && error !== null && "message" in error) return String(error.message);
  return String(error);
}

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : JSON.stringify(error);
}
