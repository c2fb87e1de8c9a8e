import type { FieldProblem } from "@lienthong/contracts/errors";
import type { SubgraphBuilder } from "./builder";
import {
  ConflictError,
  ERROR_CODES,
  InvalidTransitionError,
  NotAllowedError,
  NotFoundError,
  ValidationError,
  type DomainError,
} from "./errors";
import { graphQLError } from "./graphql-errors";

type ErrorClass = new (...args: never[]) => DomainError;

/**
 * Adds the conventions of ARCHITECTURE.md §7 to a builder (createBuilder does this for every service):
 * `interface Error { code, message }`, enum `ErrorCode`, the shared error types, `FieldError`, the `Date` and
 * `DateTime` scalars and `totalCount` on every connection. The shared object types are @shareable because
 * every subgraph defines them identically.
 */
export function addCommonTypes(builder: SubgraphBuilder): void {
  const ErrorCodeRef = builder.enumType("ErrorCode", { values: ERROR_CODES });

  builder.interfaceType("Error", {
    description: "An expected failure a client can act on.",
    fields: (t) => ({
      code: t.field({ type: ErrorCodeRef, resolve: (error) => error.code }),
      message: t.exposeString("message"),
    }),
  });

  const FieldErrorRef = builder.objectRef<FieldProblem>("FieldError").implement({
    shareable: true,
    description: "One invalid input field: its path inside the input and what is wrong with it.",
    fields: (t) => ({
      path: t.exposeStringList("path"),
      message: t.exposeString("message"),
    }),
  });

  builder.objectType(ValidationError, {
    name: "ValidationError",
    interfaces: ["Error"],
    shareable: true,
    fields: (t) => ({
      fields: t.field({ type: [FieldErrorRef], resolve: (error) => error.fields }),
    }),
  });

  builder.objectType(NotAllowedError, { name: "NotAllowedError", interfaces: ["Error"], shareable: true, fields: () => ({}) });
  builder.objectType(NotFoundError, { name: "NotFoundError", interfaces: ["Error"], shareable: true, fields: () => ({}) });
  builder.objectType(ConflictError, { name: "ConflictError", interfaces: ["Error"], shareable: true, fields: () => ({}) });
  builder.objectType(InvalidTransitionError, {
    name: "InvalidTransitionError",
    interfaces: ["Error"],
    shareable: true,
    fields: (t) => ({
      from: t.exposeString("from", { description: "The state the record is in." }),
      attempted: t.exposeString("attempted", { description: "What was attempted." }),
    }),
  });

  builder.scalarType("Date", {
    description: "A calendar date, YYYY-MM-DD.",
    serialize: (value) => checkDate(value),
    parseValue: (value) => checkDate(value),
  });

  builder.scalarType("DateTime", {
    description: "An instant in ISO 8601 with a time zone offset, e.g. 2025-03-01T08:30:00+07:00.",
    serialize: (value) => (value instanceof Date ? value.toISOString() : checkDateTime(value)),
    parseValue: (value) => checkDateTime(value),
  });

  builder.globalConnectionField("totalCount", (t) =>
    t.int({ description: "How many items match, across all pages.", resolve: (connection) => connection.totalCount }),
  );
}

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME_PATTERN = /^(\d{4}-\d{2}-\d{2})T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

/** YYYY-MM-DD naming a day that exists (Date.parse would accept 2025-02-30). */
function isCalendarDate(value: string): boolean {
  const match = DATE_PATTERN.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

// Thrown as GraphQLError so the message survives error masking: the client learns what to fix.
function checkDate(value: unknown): string {
  if (typeof value === "string" && isCalendarDate(value)) return value;
  throw graphQLError(`Ngày phải là một ngày có thật, viết theo dạng YYYY-MM-DD (ví dụ 2025-03-01); nhận được ${JSON.stringify(value)}.`);
}

function checkDateTime(value: unknown): string {
  const match = typeof value === "string" ? DATE_TIME_PATTERN.exec(value) : null;
  if (match && isCalendarDate(match[1] as string) && !Number.isNaN(Date.parse(value as string))) return value as string;
  throw graphQLError(
    `Thời điểm phải viết theo ISO 8601 kèm múi giờ (ví dụ 2025-03-01T08:30:00+07:00); nhận được ${JSON.stringify(value)}.`,
  );
}

/**
 * The `errors` option of a mutation field, so that `doThing` returns
 * `union DoThingPayload = DoThingSuccess | <errorTypes…>` with the result under `DoThingSuccess.<dataField>`:
 *
 *   builder.mutationField("renameUnit", (t) => t.field({
 *     type: Unit, args: { input: t.arg({ type: RenameUnitInput, required: true }) },
 *     errors: payload("unit", ValidationError, NotAllowedError),
 *     resolve: async (_root, { input }, ctx) => orThrow(await renameUnit(input, ctx)),
 *   }));
 */
export function payload(dataField: string, ...errorTypes: ErrorClass[]) {
  return { types: errorTypes, dataField: { name: dataField } };
}

/** Domain code returns expected errors as values; the errors plugin expects them thrown. This bridges the two. */
export function orThrow<T>(result: T | DomainError): T {
  if (result instanceof Error) throw result;
  return result;
}
