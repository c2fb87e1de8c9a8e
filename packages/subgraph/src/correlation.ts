import { randomUUID } from "node:crypto";
import { z } from "zod";

export const CORRELATION_HEADER = "x-correlation-id";

// Accept ids other systems plausibly send (UUIDs, ULIDs, trace ids), nothing that could break a log line or a header.
const correlationIdSchema = z.string().regex(/^[\w.:-]{1,128}$/);

/** The caller's correlation id when it is well-formed, otherwise a new UUID. */
export function correlationIdFrom(header: string | string[] | null | undefined): string {
  const value = Array.isArray(header) ? header[0] : header;
  const parsed = correlationIdSchema.safeParse(value);
  return parsed.success ? parsed.data : randomUUID();
}
