import { SignJWT } from "jose";
import type { Principal } from "./principal";

/**
 * Development-only signing secret, shared by the platform's defaults, `pnpm dev-token` and tests.
 * Anyone can read it here: a deployment must set its own secret or use a JWKS URL.
 */
export const DEV_AUTH_SECRET = "lienthong-development-only-secret-never-use-in-production";

export interface DevTokenOptions {
  /** A number of seconds or a jose time span such as "30m", "12h", "7d". Default "12h". */
  expiresIn?: number | string;
  issuer?: string;
  audience?: string;
}

/** Signs an HS256 token for a principal, in the shape `createVerifier` accepts. */
export async function signDevToken(principal: Principal, secret: string, options: DevTokenOptions = {}): Promise<string> {
  const { expiresIn = "12h", issuer, audience } = options;
  const jwt = new SignJWT({ name: principal.name, roles: principal.roles, units: principal.units })
    .setProtectedHeader({ alg: "HS256", typ: "JWT" })
    .setSubject(principal.sub)
    .setIssuedAt()
    .setExpirationTime(typeof expiresIn === "number" ? Math.floor(Date.now() / 1000) + expiresIn : expiresIn);
  if (issuer) jwt.setIssuer(issuer);
  if (audience) jwt.setAudience(audience);
  return jwt.sign(new TextEncoder().encode(secret));
}
