import type { Principal } from "@lienthong/auth/principal";
import type { Logger } from "pino";

/** What every resolver receives: who is asking (null = anonymous), the request's correlation id and a logger bound to it. */
export interface RequestContext {
  principal: Principal | null;
  correlationId: string;
  log: Logger;
}

/** The context of a field that demands `authenticated`: anonymous callers are refused before the resolver runs. */
export interface AuthenticatedContext extends RequestContext {
  principal: Principal;
}
