import type { InputFieldRef, SchemaTypes } from "@pothos/core";
import { z } from "zod";

/**
 * The input fields every service asks for — text, id, unit, date, money — declared once each: the zod rule that
 * checks it (with the Vietnamese message a person reads) and the GraphQL input field that carries it. A service
 * lists its inputs as a record of these; `inputFieldsOf` gives the GraphQL side, `addSchemaOf` / `updateSchemaOf`
 * the zod side, so a new input is one line.
 */

type FieldBuilder<Types extends SchemaTypes> = PothosSchemaTypes.InputFieldBuilder<Types, "InputObject">;
interface GraphqlOptions {
  description?: string;
}

export interface InputField<Schema extends z.ZodType = z.ZodType> {
  schema: Schema;
  description?: string;
  /** The GraphQL input field, always nullable on the wire: the zod side decides what absent and null mean. */
  graphql<Types extends SchemaTypes>(t: FieldBuilder<Types>, options: GraphqlOptions): InputFieldRef<Types, unknown>;
}

const EMPTY = "Không được để trống.";

export const textSchema = (max: number) => z.string().trim().min(1, EMPTY).max(max, `Không được dài quá ${max} ký tự.`);
export const idSchema = z.string().trim().min(1, EMPTY);
export const unitSchema = z.string().regex(/^\d{5}$/, "Mã đơn vị phải gồm đúng 5 chữ số.");
export const dateSchema = z.iso.date({ error: "Ngày phải viết theo dạng YYYY-MM-DD và là một ngày có thật." });
/** An amount in Vietnamese đồng: whole and not negative. */
export const moneySchema = z
  .number({ error: "Số tiền phải là một số." })
  .int("Số tiền tính bằng đồng, không có phần lẻ.")
  .min(0, "Số tiền không được âm.")
  .max(Number.MAX_SAFE_INTEGER, "Số tiền quá lớn.");

const described = (description: string | undefined) => (description === undefined ? {} : { description });

/** Free text of at most `max` characters, trimmed; blank counts as empty. */
export const textInput = (max: number, description?: string): InputField<ReturnType<typeof textSchema>> => ({
  schema: textSchema(max),
  ...described(description),
  graphql: (t, options) => t.string(options),
});

/** The id of another record, e.g. an official or a task. */
export const idInput = (description?: string): InputField<typeof idSchema> => ({
  schema: idSchema,
  ...described(description),
  graphql: (t, options) => t.id(options),
});

/** A 5-digit unit code (whether it is one of the official units is the decider's to say). */
export const unitInput = (description?: string): InputField<typeof unitSchema> => ({
  schema: unitSchema,
  ...described(description),
  graphql: (t, options) => t.id(options),
});

/** A calendar date, YYYY-MM-DD (GraphQL scalar Date). */
export const dateInput = (description?: string): InputField<typeof dateSchema> => ({
  schema: dateSchema,
  ...described(description),
  // Every subgraph builder declares the Date scalar (builder.ts); the generic builder type cannot know it.
  graphql: (t, options) => t.field({ ...options, type: "Date" as never }),
});

/** An amount in đồng (GraphQL Float: Int stops at about 2.1 billion đồng). */
export const moneyInput = (description?: string): InputField<typeof moneySchema> => ({
  schema: moneySchema,
  ...described(description),
  graphql: (t, options) => t.float(options),
});

export type InputFields = Record<string, InputField>;

/** The GraphQL input fields of `fields`, to spread into a Pothos `inputType`'s fields. */
export function inputFieldsOf<Types extends SchemaTypes>(
  t: FieldBuilder<Types>,
  fields: InputFields,
): Record<string, InputFieldRef<Types, unknown>> {
  return Object.fromEntries(Object.entries(fields).map(([name, field]) => [name, field.graphql(t, described(field.description))]));
}

type Schemas<Fields extends InputFields> = { [Name in keyof Fields]: Fields[Name]["schema"] };
const absentWhenNull = <Schema extends z.ZodType>(schema: Schema) =>
  schema.nullish().transform((value): z.output<Schema> | undefined => (value === null ? undefined : value));

/** Adding a record: each field optional, null and absent both meaning "not given". */
export function addShapeOf<Fields extends InputFields>(
  fields: Fields,
): { [Name in keyof Fields]: ReturnType<typeof absentWhenNull<Schemas<Fields>[Name]>> } {
  return Object.fromEntries(Object.entries(fields).map(([name, field]) => [name, absentWhenNull(field.schema)])) as never;
}

/** Updating a record: absent = leave as it is, null = clear. */
export function updateShapeOf<Fields extends InputFields>(
  fields: Fields,
): { [Name in keyof Fields]: z.ZodOptional<z.ZodNullable<Schemas<Fields>[Name]>> } {
  return Object.fromEntries(Object.entries(fields).map(([name, field]) => [name, field.schema.nullish()])) as never;
}

/** null and absent both "not given" for one field outside a record of inputs. */
export const optionalInput = absentWhenNull;
