import "./zod-locale";

/**
 * Expected failures are values, the same in every service (ARCHITECTURE.md §7): deciders return them,
 * the GraphQL layer exposes each as a typed payload error implementing `interface Error`.
 * Codes are stable English identifiers for programs; messages are Vietnamese, for the people who read them.
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

/** "Dữ liệu nhập không hợp lệ: fullName: không được để trống; email: …." — the one summary of a list of field problems. */
export function describeFieldProblems(fields: readonly FieldProblem[]): string {
  if (fields.length === 0) return "Dữ liệu nhập không hợp lệ.";
  const problems = fields.map((field) => `${field.path.join(".") || "(dữ liệu nhập)"}: ${field.message.replace(/\.$/, "")}`);
  return `Dữ liệu nhập không hợp lệ: ${problems.join("; ")}.`;
}

/** The Vietnamese words of a refused transition: what was attempted and the state the record is in. */
export interface TransitionWords {
  /** e.g. "cập nhật cán bộ", "hoàn thành nhiệm vụ". */
  attempted: string;
  /** e.g. "cán bộ đã thôi công tác", "nhiệm vụ đã bị hủy". */
  from: string;
}

/** Said when a caller gives no words for a refused transition; `from` and `attempted` still name it for programs. */
export const INVALID_TRANSITION_MESSAGE = "Thao tác này không thực hiện được ở trạng thái hiện tại của hồ sơ.";

/** "Không thể hoàn thành nhiệm vụ khi nhiệm vụ đã bị hủy." */
export function describeTransition(words: TransitionWords): string {
  return `Không thể ${words.attempted} khi ${words.from}.`;
}

export const validationError = (fields: FieldProblem[]): DomainError => ({
  code: "VALIDATION",
  message: describeFieldProblems(fields),
  fields,
});
export const notAllowed = (message: string): DomainError => ({ code: "NOT_ALLOWED", message });
export const notFound = (message: string): DomainError => ({ code: "NOT_FOUND", message });
export const conflict = (message: string): DomainError => ({ code: "CONFLICT", message });

/**
 * `from` and `attempted` are codes (e.g. "cancelled", "complete"); `words` says the same in Vietnamese for the
 * message: the two parts of "Không thể … khi …", or a whole sentence when that pattern does not fit. Without
 * words the message is a general one — pass them.
 */
export const invalidTransition = (from: string, attempted: string, words?: TransitionWords | string): DomainError => ({
  code: "INVALID_TRANSITION",
  message: words === undefined ? INVALID_TRANSITION_MESSAGE : typeof words === "string" ? words : describeTransition(words),
  from,
  attempted,
});
