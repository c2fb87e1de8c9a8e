import { describe, expect, it } from "vitest";
import { forDecider } from "../src/given-when-then";

// A tiny task decider in the shape services use: decide(command, state, ctx) → events | error value.
type TaskEvent = { type: "created"; title: string } | { type: "assigned"; to: string; at: string } | { type: "cancelled" };
type TaskCommand = { type: "create"; title: string } | { type: "assign"; to: string } | { type: "cancel" };
type TaskState = { status: "none" | "open" | "assigned" | "cancelled"; assignee?: string };
type Context = { now: Date };

class InvalidTransitionError extends Error {
  readonly code = "INVALID_TRANSITION";
  constructor(
    readonly from: string,
    readonly command: string,
  ) {
    super(`cannot ${command} a task that is ${from}`);
  }
}

const taskDecider = {
  initialState: (): TaskState => ({ status: "none" }),
  evolve(state: TaskState, event: TaskEvent): TaskState {
    switch (event.type) {
      case "created":
        return { status: "open" };
      case "assigned":
        return { status: "assigned", assignee: event.to };
      case "cancelled":
        return { status: "cancelled" };
    }
  },
  decide(
    command: TaskCommand,
    state: TaskState,
    context: Context,
  ): TaskEvent[] | InvalidTransitionError | { ok: false; error: { code: string } } {
    switch (command.type) {
      case "create":
        if (command.title.trim() === "") throw new RangeError("title: must not be empty");
        return state.status === "none" ? [{ type: "created", title: command.title }] : new InvalidTransitionError(state.status, "create");
      case "assign":
        if (state.status === "cancelled") return { ok: false, error: { code: "CANCELLED" } };
        if (state.status === "none") return new InvalidTransitionError(state.status, "assign");
        return [{ type: "assigned", to: command.to, at: context.now.toISOString() }];
      case "cancel":
        return state.status === "cancelled" ? [] : [{ type: "cancelled" }];
    }
  },
};

const now = new Date("2026-03-01T01:00:00Z");
const given = forDecider(taskDecider, { now });
const created: TaskEvent = { type: "created", title: "Hiệp thương lần 1" };

describe("given / when / then", () => {
  it("replays the given events, runs the command with the default context and checks the events", () => {
    const { state } = given(created)
      .when({ type: "assign", to: "o-7" })
      .then([{ type: "assigned", to: "o-7", at: now.toISOString() }]);
    expect(state).toEqual({ status: "assigned", assignee: "o-7" });
  });

  it("uses a context passed to when() instead of the default", () => {
    const later = new Date("2026-03-02T00:00:00Z");
    given(created)
      .when({ type: "assign", to: "o-7" }, { now: later })
      .then([{ type: "assigned", to: "o-7", at: later.toISOString() }]);
  });

  it("checks that nothing happened with then([])", () => {
    given(created, { type: "cancelled" }).when({ type: "cancel" }).then([]);
  });

  it("fails when the events differ", () => {
    expect(() => given(created).when({ type: "cancel" }).then([])).toThrow();
    expect(() =>
      given()
        .when({ type: "create", title: "A" })
        .then([{ type: "created", title: "B" }]),
    ).toThrow();
  });

  it("fails with the error when events were expected but the decider refused", () => {
    expect(() => given().when({ type: "assign", to: "o-7" }).then([])).toThrow(
      /expected events, but the decider refused: Error: cannot assign a task that is none/,
    );
  });

  it("matches returned error values by class, message, pattern, shape or predicate", () => {
    const when = () => given().when({ type: "assign", to: "o-7" });
    const error = when().thenError<InvalidTransitionError>(InvalidTransitionError);
    expect(error.from).toBe("none");
    when().thenError("cannot assign");
    when().thenError(/task that is none$/);
    when().thenError({ code: "INVALID_TRANSITION", from: "none" });
    when().thenError((caught: InvalidTransitionError) => caught.command === "assign");
  });

  it("unwraps { ok: false, error } results and catches thrown errors", () => {
    given(created, { type: "cancelled" }).when({ type: "assign", to: "o-7" }).thenError({ code: "CANCELLED" });
    given().when({ type: "create", title: " " }).thenError(RangeError);
  });

  it("fails when the error does not match, or when there was no error", () => {
    const when = () => given().when({ type: "assign", to: "o-7" });
    expect(() => when().thenError(RangeError)).toThrow();
    expect(() => when().thenError("something else")).toThrow();
    expect(() => when().thenError({ code: "NOT_FOUND" })).toThrow();
    expect(() => when().thenError(() => false)).toThrow(/does not satisfy the predicate/);
    expect(() => given().when({ type: "create", title: "A" }).thenError()).toThrow(/expected an error, but the decider emitted/);
  });

  it("accepts { ok: true, events } results and a plain initial state", () => {
    const decider = {
      initialState: 0,
      evolve: (count: number, _event: "ticked") => count + 1,
      decide: (_command: "tick", count: number) => ({ ok: true as const, events: count < 2 ? (["ticked"] as const) : [] }),
    };
    const givenCounter = forDecider(decider);
    expect(givenCounter("ticked").when("tick").then(["ticked"]).state).toBe(2);
    givenCounter("ticked", "ticked").when("tick").then([]);
  });

  it("refuses to be awaited by mistake, instead of passing silently", async () => {
    const pending: unknown = given(created).when({ type: "cancel" });
    await expect((async () => await pending)()).rejects.toThrow(/not a promise/);
  });
});
