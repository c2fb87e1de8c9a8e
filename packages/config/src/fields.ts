import { z } from "zod";

/**
 * Building blocks for environment variables, each with one message an operator can act on.
 * Values arrive as strings; parseConfig has already turned empty strings into "unset".
 */

export function integer(options: { min: number; max: number }) {
  const message = `must be an integer between ${options.min} and ${options.max}`;
  return z
    .string({ error: message })
    .regex(/^-?\d+$/, { error: message })
    .transform(Number)
    .pipe(z.number().int().min(options.min, { error: message }).max(options.max, { error: message }));
}

export function url(options: { protocols: readonly string[]; example: string }) {
  const message = `must be a URL (${options.protocols.join(" or ")}), e.g. ${options.example}`;
  return z.string({ error: message }).refine((value) => hasProtocol(value, options.protocols), { error: message });
}

export function oneOf<const Values extends readonly [string, ...string[]]>(values: Values) {
  return z.enum(values, { error: `must be one of ${values.join(", ")}` });
}

/** true/false, 1/0, yes/no (any case). */
export function flag() {
  const message = "must be true or false (also accepted: 1/0, yes/no)";
  return z
    .string({ error: message })
    .transform((value) => value.toLowerCase())
    .pipe(z.enum(["true", "false", "1", "0", "yes", "no"], { error: message }))
    .transform((value) => value === "true" || value === "1" || value === "yes");
}

function hasProtocol(value: string, protocols: readonly string[]): boolean {
  try {
    return protocols.includes(new URL(value).protocol.replace(/:$/, ""));
  } catch {
    return false;
  }
}
