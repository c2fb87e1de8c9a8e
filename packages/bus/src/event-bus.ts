import { z } from "zod";
import { envelopeSchema, type Envelope } from "@lienthong/contracts/envelope";
import type { EventDeclaration } from "@lienthong/contracts/registry";

/**
 * How services exchange events. Delivery is at-least-once: a handler may see an event again after a
 * crash or a retry, so handlers must be idempotent (see `idempotent()`).
 */
export interface EventBus {
  /** Durable once it resolves. Publishing the same event id twice delivers it once. */
  publish(envelope: Envelope): Promise<void>;
  consume(options: ConsumeOptions): Promise<Consumer>;
  close(): Promise<void>;
}

export interface ConsumeOptions {
  /** `<service>.<handler>`; the position survives restarts under this name. */
  durable: string;
  /** NATS subject filter, e.g. `lt.tasks.task.created.v1` or `lt.tasks.>`. */
  subject: string;
  /** Acknowledged only after it resolves; a throw is retried with backoff, then dead-lettered. */
  handler: (envelope: Envelope) => Promise<void>;
  /** Events of these types have their data validated on receipt; a failure is dead-lettered at once. */
  events?: EventDeclaration[];
  /** Deliveries before an event is dead-lettered; default 5. */
  maxDeliver?: number;
  /** Delay in ms before the next delivery after the n-th failure; the last value repeats. */
  backoff?: number[];
}

export interface Consumer {
  /** Stops fetching and waits for the handler in flight; unacknowledged events are delivered again later. */
  stop(): Promise<void>;
}

export const DEFAULT_MAX_DELIVER = 5;
export const DEFAULT_BACKOFF_MS = [250, 1000, 5000];

const consumeSettingsSchema = z.object({
  durable: z.string().regex(/^[A-Za-z0-9_.-]+$/, "must be letters, digits, '.', '_' or '-'"),
  subject: z
    .string()
    .regex(/^lt\.[a-z0-9-]+(\.([a-z0-9_-]+|\*))*(\.>)?$/, "must be a subject under lt., e.g. lt.tasks.task.created.v1 or lt.tasks.>"),
  maxDeliver: z.number().int().min(1).default(DEFAULT_MAX_DELIVER),
  backoff: z.array(z.number().int().nonnegative()).min(1).default(DEFAULT_BACKOFF_MS),
});

export type ConsumeSettings = z.infer<typeof consumeSettingsSchema>;

/** Validates consume options; the error names every bad field. */
export function consumeSettings(options: ConsumeOptions): ConsumeSettings {
  const parsed = consumeSettingsSchema.safeParse({
    durable: options.durable,
    subject: options.subject,
    maxDeliver: options.maxDeliver,
    backoff: options.backoff,
  });
  if (!parsed.success) {
    throw new Error(
      `invalid consume options: ${parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`).join("; ")}`,
    );
  }
  return parsed.data;
}

/** The delay before delivery number `failedDeliveries + 1`. */
export function backoffDelay(backoff: number[], failedDeliveries: number): number {
  return backoff[Math.min(Math.max(failedDeliveries, 1), backoff.length) - 1] ?? 0;
}

interface DeadLetterFacts {
  /** The consumer that gave up. */
  durable: string;
  /** The subject the message arrived on. */
  subject: string;
  /** The handler's error text, or which field of the message is invalid. */
  reason: string;
  deliveries: number;
  failedAt: string;
}

/** What is kept about an event that could not be handled: enough to inspect it and replay it by hand. */
export type DeadLetter = DeadLetterFacts & ({ envelope: Envelope } | { raw: string });

const deadLetterFactsSchema = z.object({
  durable: z.string(),
  subject: z.string(),
  reason: z.string(),
  deliveries: z.number().int().nonnegative(),
  failedAt: z.iso.datetime({ offset: true }),
});

const deadLetterSchema = z.union([
  deadLetterFactsSchema.extend({ envelope: envelopeSchema }),
  /** `raw` is the message as received, when it was not a valid envelope. */
  deadLetterFactsSchema.extend({ raw: z.string() }),
]);

/** Parses a stored dead letter (DLQ stream message or `dead_letters` document). */
export function parseDeadLetter(value: unknown): DeadLetter {
  return deadLetterSchema.parse(value) as DeadLetter;
}

/** Text of whatever a handler threw. */
export function errorText(error: unknown): string {
  if (error instanceof Error) return error.message || error.name;
  return typeof error === "string" ? error : (JSON.stringify(error) ?? String(error));
}
