import { DEV_AUTH_SECRET } from "./dev-token";
import { createVerifier, type Verifier } from "./verify";

/**
 * JWKS in production, a shared secret otherwise, the development secret when neither is set
 * (the config's requireAuthInProduction refuses that combination in production).
 */
export function verifierFromConfig(config: { AUTH_SECRET?: string | undefined; AUTH_JWKS_URL?: string | undefined }): Verifier {
  return createVerifier(config.AUTH_JWKS_URL ? { jwksUrl: config.AUTH_JWKS_URL } : { secret: config.AUTH_SECRET ?? DEV_AUTH_SECRET });
}
