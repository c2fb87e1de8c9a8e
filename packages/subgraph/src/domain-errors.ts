import type { DomainError as DomainErrorValue, ErrorCode as ContractErrorCode, Result } from "@lienthong/contracts/errors";
import {
  ConflictError,
  InvalidTransitionError,
  NotAllowedError,
  NotFoundError,
  ValidationError,
  type DomainError,
  type ErrorCode,
} from "./errors";

// Compile-time guard: the GraphQL ErrorCode enum and the contracts' error codes are the same list.
type SameCodes = [ErrorCode] extends [ContractErrorCode] ? ([ContractErrorCode] extends [ErrorCode] ? true : false) : false;
const codesMatch: SameCodes = true;
void codesMatch;

/** The error class the GraphQL layer shows for a domain error value from a decider or command handler. */
export function toErrorInstance(error: DomainErrorValue): DomainError {
  switch (error.code) {
    case "VALIDATION":
      return new ValidationError(error.fields, error.message);
    case "NOT_ALLOWED":
      return new NotAllowedError(error.message);
    case "NOT_FOUND":
      return new NotFoundError(error.message);
    case "CONFLICT":
      return new ConflictError(error.message);
    case "INVALID_TRANSITION":
      return new InvalidTransitionError(error.from, error.attempted, error.message);
    default: {
      const unknown: never = error;
      throw new TypeError(`Unknown domain error ${JSON.stringify(unknown)}`);
    }
  }
}

/**
 * The value of a successful Result; a failed one is thrown as its error class, which the errors plugin turns
 * into the matching payload member (or a top-level error when the field does not list it).
 */
export function valueOrThrow<Value>(result: Result<Value>): Value {
  if (result.ok) return result.value;
  throw toErrorInstance(result.error);
}
