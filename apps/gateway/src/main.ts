import pino from "pino";
import { verifierFromConfig } from "@lienthong/auth/verifier-from-config";
import { loadConfig } from "@lienthong/config/parse-config";
import { listen } from "@lienthong/subgraph/serve";
import { exitOnSignals } from "@lienthong/subgraph/shutdown";
import { buildGateway } from "./app";
import { gatewayEnvSchema } from "./config";

const config = loadConfig(gatewayEnvSchema, process.env);
const log = pino({ name: "gateway", level: config.LOG_LEVEL });
const verifier = verifierFromConfig(config);

const gateway = buildGateway({
  subgraphs: [...config.SUBGRAPHS],
  verify: (token) => verifier.verify(token),
  development: config.NODE_ENV === "development",
  log,
});

const server = await listen(gateway.handler, { port: config.PORT, host: config.HOST, log, shutdownTimeoutMs: config.SHUTDOWN_TIMEOUT_MS });
log.info({ subgraphs: config.SUBGRAPHS }, "gateway listening; composing the supergraph");
await gateway.start();

// The HTTP server drains first; the runtime goes after the last in-flight request has been answered.
exitOnSignals(
  log,
  async () => {
    await server.close();
    await gateway.stop();
  },
  config.SHUTDOWN_TIMEOUT_MS + 5_000,
);
