import type { Envelope } from "@lienthong/contracts/envelope";
import { parseEnvelope, parseEvent, type EventDeclaration } from "@lienthong/contracts/registry";

/**
 * A received message, checked the same way by every adapter: valid JSON, a valid envelope, and valid
 * data for its declared type. A rejected message is dead-lettered at once: retrying cannot fix it.
 */
export type Receipt =
  { ok: true; envelope: Envelope } | { ok: false; reason: string; envelope: Envelope } | { ok: false; reason: string; raw: string };

export function readMessage(raw: string, events: readonly EventDeclaration[] = []): Receipt {
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch (error) {
    return { ok: false, reason: `message: not valid JSON (${error instanceof Error ? error.message : String(error)})`, raw };
  }
  const parsed = parseEnvelope(json);
  if (!parsed.ok) return { ok: false, reason: parsed.reason, raw };
  const declaration = events.find((candidate) => candidate.type === parsed.envelope.type);
  if (declaration === undefined) return parsed;
  const event = parseEvent(declaration, json);
  return event.ok ? event : { ok: false, reason: event.reason, envelope: parsed.envelope };
}

/** Producers validate too: an envelope the schema rejects is never published. */
export function assertPublishable(envelope: Envelope): string {
  const parsed = parseEnvelope(envelope);
  if (!parsed.ok) throw new Error(`refusing to publish an invalid envelope: ${parsed.reason}`);
  return JSON.stringify(parsed.envelope);
}
