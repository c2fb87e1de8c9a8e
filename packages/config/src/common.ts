import { z } from "zod";
import { integer, oneOf, url } from "./fields";

/**
 * Environment variables every service shares. Compose them into a service's own schema:
 *
 *   const schema = z.object({ ...commonEnv, PORT: port(4001), SUBGRAPHS: z.string() });
 *   const config = loadConfig(requireAuthInProduction(schema));
 */

export const port = (defaultPort?: number) => {
  const field = integer({ min: 1, max: 65_535 });
  return defaultPort === undefined ? field : field.default(defaultPort);
};

const hostMessage = "must be a host name or IP address to listen on, e.g. 127.0.0.1 or 0.0.0.0";
/** Loopback by default: a deployment that must be reachable from outside sets HOST=0.0.0.0 on purpose. */
export const host = z
  .string({ error: hostMessage })
  .regex(/^[A-Za-z0-9.\-:[\]]+$/, { error: hostMessage })
  .default("127.0.0.1");

export const dataDir = z.string().default(".data");

const natsMessage = "must be a nats:// URL or a comma-separated list of them, e.g. nats://127.0.0.1:4222";
/** One server or a comma-separated cluster list; split it with natsServers() for the client. */
export const natsUrl = z
  .string({ error: natsMessage })
  .refine((value) => natsServers(value).every((server) => /^(nats|tls):\/\/[^\s/]+\/?$/.test(server)), { error: natsMessage })
  .optional();

export function natsServers(value: string): string[] {
  return value.split(",").map((server) => server.trim());
}

const mongoMessage = "must be a mongodb:// or mongodb+srv:// connection string, e.g. mongodb://127.0.0.1:27017/?replicaSet=rs0";
export const mongodbUrl = z
  .string({ error: mongoMessage })
  .regex(/^mongodb(\+srv)?:\/\/\S+$/, { error: mongoMessage })
  .optional();

export const authSecret = z.string().min(32, { error: "must be at least 32 characters long; use a long random secret" }).optional();

export const authJwksUrl = url({ protocols: ["https", "http"], example: "https://id.example.org/.well-known/jwks.json" }).optional();

export const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;
export const logLevel = oneOf(LOG_LEVELS).default("info");

export const NODE_ENVS = ["development", "production", "test"] as const;
/**
 * Unset means production: a deployment that forgets NODE_ENV must not serve GraphiQL and introspection or
 * accept tokens signed with the development secret. Local runners (apps/platform) default to development.
 */
export const nodeEnv = oneOf(NODE_ENVS).default("production");
export const developmentNodeEnv = oneOf(NODE_ENVS).default("development");

export const clockStart = z.iso
  .datetime({ offset: true, error: "must be an ISO date-time with an offset, e.g. 2026-03-01T08:00:00+07:00" })
  .optional();

export const commonEnv = {
  PORT: port(),
  HOST: host,
  DATA_DIR: dataDir,
  NATS_URL: natsUrl,
  MONGODB_URL: mongodbUrl,
  AUTH_SECRET: authSecret,
  AUTH_JWKS_URL: authJwksUrl,
  LOG_LEVEL: logLevel,
  NODE_ENV: nodeEnv,
  CLOCK_START: clockStart,
};

type AuthEnv = { NODE_ENV: string; AUTH_SECRET?: string | undefined; AUTH_JWKS_URL?: string | undefined };
const AUTH_KEYS = new Set(["NODE_ENV", "AUTH_SECRET", "AUTH_JWKS_URL"]);

/**
 * Production must verify tokens with a real key: exactly one of AUTH_SECRET / AUTH_JWKS_URL is set there.
 * Elsewhere both may be unset (services then use the development secret); setting both is always ambiguous.
 */
export function requireAuthInProduction<S extends z.ZodType<AuthEnv>>(schema: S): S {
  return schema.superRefine(
    (config, ctx) => {
      if (config.AUTH_SECRET !== undefined && config.AUTH_JWKS_URL !== undefined) {
        ctx.addIssue({ code: "custom", path: ["AUTH_SECRET"], message: "set either AUTH_SECRET or AUTH_JWKS_URL, not both" });
      } else if (config.NODE_ENV === "production" && config.AUTH_SECRET === undefined && config.AUTH_JWKS_URL === undefined) {
        ctx.addIssue({
          code: "custom",
          path: ["AUTH_JWKS_URL"],
          message: "must be set in production (or AUTH_SECRET): tokens cannot be verified with the development secret",
        });
      }
    },
    // Run even when other variables are broken, so every problem is reported at once.
    { when: (payload) => !payload.issues.some((issue) => AUTH_KEYS.has(String(issue.path?.[0]))) },
  ) as S;
}
