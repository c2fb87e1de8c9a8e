import { runProcess } from "@lienthong/subgraph/run-service";
import { gatewayEnvSchema } from "./config";
import { startGatewayProcess } from "./start-gateway";

await runProcess({
  name: "gateway",
  env: gatewayEnvSchema,
  start: (config, { log }) => startGatewayProcess(config, log),
  shutdownTimeoutMs: (config) => config.SHUTDOWN_TIMEOUT_MS + 5_000,
});
