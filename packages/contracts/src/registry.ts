import type { z } from "zod";
import { envelopeSchema, newEventId, describeIssues, type Envelope, type EventContext } from "./envelope";

/** One event, declared once: producers and consumers import this value. */
export interface EventDeclaration<Schema extends z.ZodType = z.ZodType> {
  service: string;
  aggregate: string;
  event: string;
  version: number;
  /** CloudEvents type, e.g. `lienthong.directory.official.registered.v1`. */
  type: string;
  /** NATS subject, e.g. `lt.directory.official.registered.v1`. */
  subject: string;
  schema: Schema;
}

export function declareEvent<Schema extends z.ZodType>(spec: {
  service: string;
  aggregate: string;
  event: string;
  version: number;
  schema: Schema;
}): EventDeclaration<Schema> {
  const path = `${spec.service}.${spec.aggregate}.${spec.event}.v${spec.version}`;
  return { ...spec, type: `lienthong.${path}`, subject: `lt.${path}` };
}

export function streamSubjects(service: string): string {
  return `lt.${service}.>`;
}

export function subjectOf(type: string): string {
  return type.replace(/^lienthong\./, "lt.");
}

export interface BuildEnvelopeInput<Data> {
  aggregateId: string;
  aggregateVersion: number;
  data: Data;
  time: Date;
  context: EventContext;
}

/** Builds and validates an envelope; producers never write an event their own schema rejects. */
export function buildEnvelope<Schema extends z.ZodType>(
  declaration: EventDeclaration<Schema>,
  input: BuildEnvelopeInput<z.input<Schema>>,
): Envelope<z.output<Schema>> {
  const data = declaration.schema.parse(input.data) as z.output<Schema>;
  const envelope: Envelope<z.output<Schema>> = {
    specversion: "1.0",
    id: newEventId(),
    source: `/lienthong/${declaration.service}`,
    type: declaration.type,
    subject: input.aggregateId,
    time: input.time.toISOString(),
    datacontenttype: "application/json",
    data,
    actor: input.context.actor,
    correlationid: input.context.correlationid,
    aggregateversion: input.aggregateVersion,
    ...(input.context.unit === undefined ? {} : { unit: input.context.unit }),
    ...(input.context.causationid === undefined ? {} : { causationid: input.context.causationid }),
  };
  return envelope;
}

export type ParsedEnvelope = { ok: true; envelope: Envelope } | { ok: false; reason: string };

/** Parses anything received from outside (bus message, journal line) into an envelope, or says why not. */
export function parseEnvelope(raw: unknown): ParsedEnvelope {
  const result = envelopeSchema.safeParse(raw);
  return result.success ? { ok: true, envelope: result.data as Envelope } : { ok: false, reason: describeIssues(result.error) };
}

export type ParsedEvent<Schema extends z.ZodType> = { ok: true; envelope: Envelope<z.output<Schema>> } | { ok: false; reason: string };

/** Validates an envelope's data against its declaration; consumers call this on receipt. */
export function parseEvent<Schema extends z.ZodType>(declaration: EventDeclaration<Schema>, raw: unknown): ParsedEvent<Schema> {
  const parsed = parseEnvelope(raw);
  if (!parsed.ok) return parsed;
  if (parsed.envelope.type !== declaration.type) {
    return { ok: false, reason: `type: expected ${declaration.type}, got ${parsed.envelope.type}` };
  }
  const data = declaration.schema.safeParse(parsed.envelope.data);
  if (!data.success) return { ok: false, reason: describeIssues(data.error, ["data"]) };
  return { ok: true, envelope: { ...parsed.envelope, data: data.data as z.output<Schema> } };
}
