import type { Principal } from "@lienthong/auth/principal";

/** The caller of a resolver whose field demands `authenticated` (anonymous callers never get this far). */
export function callerOf(ctx: { principal: Principal; correlationId: string }) {
  return { principal: ctx.principal, correlationId: ctx.correlationId };
}
