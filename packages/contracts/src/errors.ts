/**
 * Expected failures are values, the same in every service (ARCHITECTURE.md §7): deciders return them,
 * the GraphQL layer exposes each as a typed payload error implementing `interface Error`.
 */
export interface FieldProblem {
  path: string[];
  message: string;
}

export type DomainError =
  | { code: "VALIDATION"; message: string; fields: FieldProblem[] }
  | { code: "NOT_ALLOWED"; message: string }
  | { code: "NOT_FOUND"; message: string }
  | { code: "CONFLICT"; message: string }
  | { code: "INVALID_TRANSITION"; message: string; from: string; attempted: string };

export type ErrorCode = DomainError["code"];

export type Result<Value, Failure = DomainError> = { ok: true; value: Value } | { ok: false; error: Failure };

export const ok = <Value>(value: Value): { ok: true; value: Value } => ({ ok: true, value });
export const fail = <Failure>(error: Failure): { ok: false; error: Failure } => ({ ok: false, error });

export const validationError = (fields: FieldProblem[]): DomainError => ({
  code: "VALIDATION",
  message: fields.map((field) => `${field.path.join(".")}: ${field.message}`).join("; "),
  fields,
});
export const notAllowed = (message: string): DomainError => ({ code: "NOT_ALLOWED", message });
export const notFound = (message: string): DomainError => ({ code: "NOT_FOUND", message });
export const conflict = (message: string): DomainError => ({ code: "CONFLICT", message });
export const invalidTransition = (from: string, attempted: string): DomainError => ({
  code: "INVALID_TRANSITION",
  message: `cannot ${attempted} when ${from}`,
  from,
  attempted,
});
