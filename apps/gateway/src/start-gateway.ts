import type { Logger } from "pino";
import { verifierFromConfig } from "@lienthong/auth/verifier-from-config";
import { listen } from "@lienthong/subgraph/serve";
import { buildGateway } from "./app";
import type { GatewayConfig } from "./config";

export interface StartedGateway {
  port: number;
  /** Drains the HTTP server first; the runtime goes after the last in-flight request has been answered. */
  stop(): Promise<void>;
}

/** Listens (a taken port rejects with PortTakenError naming PORT), then composes the supergraph in the background. */
export async function startGatewayProcess(config: GatewayConfig, log: Logger): Promise<StartedGateway> {
  const verifier = verifierFromConfig(config);
  const gateway = buildGateway({
    subgraphs: [...config.SUBGRAPHS],
    verify: (token) => verifier.verify(token),
    development: config.NODE_ENV === "development",
    log,
  });
  const server = await listen(gateway.handler, {
    port: config.PORT,
    host: config.HOST,
    log,
    shutdownTimeoutMs: config.SHUTDOWN_TIMEOUT_MS,
  });
  log.info({ subgraphs: config.SUBGRAPHS }, "gateway listening; composing the supergraph");
  await gateway.start();
  return {
    port: server.port,
    async stop() {
      await server.close();
      await gateway.stop();
    },
  };
}
