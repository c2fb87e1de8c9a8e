import { createServer } from "node:http";
import { DEV_AUTH_SECRET } from "@lienthong/auth/dev-token";
import { createVerifier } from "@lienthong/auth/verify";
import { loadConfig } from "@lienthong/config/parse-config";
import pino from "pino";
import { buildGateway } from "./app";
import { gatewayEnvSchema } from "./config";

const config = loadConfig(gatewayEnvSchema, process.env);
const log = pino({ name: "gateway", level: config.LOG_LEVEL });

// Outside production the shared development secret applies (the config refuses production without a key).
const verifier = createVerifier(config.AUTH_JWKS_URL ? { jwksUrl: config.AUTH_JWKS_URL } : { secret: config.AUTH_SECRET ?? DEV_AUTH_SECRET });

const gateway = buildGateway({
  subgraphs: [...config.SUBGRAPHS],
  verify: (token) => verifier.verify(token),
  development: config.NODE_ENV === "development",
  log,
});

const server = createServer(gateway.handler);
let inFlight = 0;
let onDrained: (() => void) | undefined;
server.on("request", (_request, response) => {
  inFlight += 1;
  response.once("close", () => {
    inFlight -= 1;
    if (inFlight === 0) onDrained?.();
  });
});
server.listen(config.PORT, config.HOST, () => {
  log.info({ host: config.HOST, port: config.PORT, subgraphs: config.SUBGRAPHS }, "gateway listening; composing the supergraph");
});
await gateway.start();

let shuttingDown = false;

/** Stop accepting, let in-flight requests finish, dispose the runtime; exit within SHUTDOWN_TIMEOUT_MS whatever happens. */
async function shutdown(signal: NodeJS.Signals): Promise<void> {
  if (shuttingDown) return;
  shuttingDown = true;
  log.info({ signal }, "shutting down: draining in-flight requests");
  setTimeout(() => {
    log.error({ timeoutMs: config.SHUTDOWN_TIMEOUT_MS }, "shutdown took too long; exiting anyway");
    process.exit(1);
  }, config.SHUTDOWN_TIMEOUT_MS).unref();

  server.close();
  server.closeIdleConnections();
  if (inFlight > 0) await new Promise<void>((resolve) => (onDrained = resolve));
  // Keep-alive sockets would otherwise hold the process until their idle timeout.
  server.closeAllConnections();
  await gateway.stop();
  log.info("gateway stopped");
  process.exit(0);
}

process.on("SIGTERM", (signal) => void shutdown(signal));
process.on("SIGINT", (signal) => void shutdown(signal));
