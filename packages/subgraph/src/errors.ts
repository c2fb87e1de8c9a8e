import "@lienthong/contracts/zod-locale";
import { describeFieldProblems, INVALID_TRANSITION_MESSAGE, type FieldProblem } from "@lienthong/contracts/errors";
import type { z } from "zod";

/**
 * The one shared `ErrorCode` enum of every subgraph: the codes of `DomainError` in @lienthong/contracts/errors
 * (domain-errors.ts fails to compile when the two lists differ). A domain-specific error gets its code added in
 * both places, so all subgraphs print the same enum and front-ends learn one list.
 */
export const ERROR_CODES = ["VALIDATION", "NOT_ALLOWED", "NOT_FOUND", "CONFLICT", "INVALID_TRANSITION"] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

/**
 * An expected failure. Domain code returns (or throws) these; a mutation listing the class in its payload
 * shows it as a typed payload member, anywhere else it becomes a top-level GraphQL error with its message.
 * Messages are Vietnamese: users read them. Plain TypeScript: no GraphQL imports, so deciders may use it.
 */
export abstract class DomainError extends Error {
  abstract readonly code: ErrorCode;
}

export class ValidationError extends DomainError {
  readonly code = "VALIDATION";
  override readonly name = "ValidationError";

  constructor(
    readonly fields: FieldProblem[],
    message = describeFieldProblems(fields),
  ) {
    super(message);
  }
}

export class NotAllowedError extends DomainError {
  readonly code = "NOT_ALLOWED";
  override readonly name = "NotAllowedError";

  constructor(message = "Bạn không có quyền thực hiện thao tác này.") {
    super(message);
  }
}

export class NotFoundError extends DomainError {
  readonly code = "NOT_FOUND";
  override readonly name = "NotFoundError";
}

/** Someone else changed the record first (optimistic concurrency) or the request duplicates an existing one. */
export class ConflictError extends DomainError {
  readonly code = "CONFLICT";
  override readonly name = "ConflictError";
}

/** The command does not apply to the record's current state (e.g. completing a cancelled task). */
export class InvalidTransitionError extends DomainError {
  readonly code = "INVALID_TRANSITION";
  override readonly name = "InvalidTransitionError";

  constructor(
    /** The state the record is in, e.g. "cancelled". */
    readonly from: string,
    /** What was attempted, e.g. "complete". */
    readonly attempted: string,
    /** Vietnamese, e.g. from `describeTransition` of @lienthong/contracts/errors. */
    message = INVALID_TRANSITION_MESSAGE,
  ) {
    super(message);
  }
}

/** A ValidationError naming each field path zod complained about. */
export function validationErrorFromZod(error: z.ZodError, pathPrefix: string[] = []): ValidationError {
  return new ValidationError(error.issues.map((issue) => ({ path: [...pathPrefix, ...issue.path.map(String)], message: issue.message })));
}

/** Parses input with a zod schema; returns the parsed value or a ValidationError to return from the resolver. */
export function parseInput<Schema extends z.ZodType>(
  schema: Schema,
  input: unknown,
  pathPrefix: string[] = [],
): z.output<Schema> | ValidationError {
  const result = schema.safeParse(input);
  return result.success ? result.data : validationErrorFromZod(result.error, pathPrefix);
}
