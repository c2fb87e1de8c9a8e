import { AsyncLocalStorage } from "node:async_hooks";
import { randomUUID } from "node:crypto";
import { z } from "zod";

export const CORRELATION_HEADER = "x-correlation-id";

// Anything a client sends is echoed into logs and other services' events: keep it short and inert.
const correlationId = z.string().regex(/^[A-Za-z0-9._:-]{1,128}$/);

/** The client's correlation id when it is well formed, otherwise a fresh one. */
export function correlationIdFrom(header: string | string[] | undefined): string {
  const parsed = correlationId.safeParse(Array.isArray(header) ? header[0] : header);
  return parsed.success ? parsed.data : randomUUID();
}

const storage = new AsyncLocalStorage<string>();

/** Runs `work` with `id` as the correlation id of everything it does, including async continuations. */
export function withCorrelationId<T>(id: string, work: () => T): T {
  return storage.run(id, work);
}

export function currentCorrelationId(): string | undefined {
  return storage.getStore();
}
