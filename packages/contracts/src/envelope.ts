import { z } from "zod";
import { newId } from "./ids";

/**
 * CloudEvents 1.0 attributes plus the Liên Thông extensions.
 * `subject` is the aggregate id the event is about; the NATS subject comes from the event declaration.
 */
export const envelopeSchema = z.object({
  specversion: z.literal("1.0"),
  id: z.uuid(),
  source: z.string().min(1),
  type: z.string().regex(/^lienthong\.[a-z-]+\.[a-z-]+\.[a-z-]+\.v\d+$/, "must look like lienthong.<service>.<aggregate>.<event>.v<N>"),
  subject: z.string().min(1),
  time: z.iso.datetime({ offset: true }),
  datacontenttype: z.literal("application/json"),
  data: z.unknown(),
  actor: z.string().min(1),
  unit: z.string().min(1).optional(),
  correlationid: z.string().min(1),
  causationid: z.string().min(1).optional(),
  aggregateversion: z.number().int().nonnegative(),
});

export type Envelope<Data = unknown> = Omit<z.infer<typeof envelopeSchema>, "data"> & { data: Data };

/** Who and why: carried from the GraphQL request (or the consumed event) into every event it causes. */
export interface EventContext {
  actor: string;
  correlationid: string;
  causationid?: string;
  unit?: string;
}

export function newEventId(): string {
  return newId();
}

/** Renders envelope validation problems as `field: problem` lines, for logs and dead letters. */
export function describeIssues(error: z.ZodError, prefix: string[] = []): string {
  return error.issues.map((issue) => `${[...prefix, ...issue.path.map(String)].join(".") || "(envelope)"}: ${issue.message}`).join("; ");
}
