import pino from "pino";
import { loadConfig } from "@lienthong/config/parse-config";
import { exitOnSignals } from "@lienthong/subgraph/shutdown";
import { dataDirOf, platformEnvSchema } from "./config";
import { startPlatform } from "./platform";

const config = loadConfig(platformEnvSchema);
const log = pino({ name: "platform", level: config.LOG_LEVEL });
const dataDir = dataDirOf(config, process.env.INIT_CWD);
const platform = await startPlatform(config, dataDir, log);

const lines = [
  "",
  "Liên Thông is running.",
  `  GraphQL and GraphiQL: ${platform.graphqlUrl}`,
  `  data:                 ${config.MONGODB_URL ? "MongoDB" : dataDir}`,
  `  bus:                  ${config.NATS_URL ? "NATS JetStream" : "embedded"}`,
  "",
  ...(config.AUTH_JWKS_URL
    ? ["Tokens come from the identity provider (AUTH_JWKS_URL); no demo data or development tokens."]
    : [
        "Development tokens (send as the header  Authorization: Bearer <token>):",
        ...platform.demoUsers.map((user) => `  ${user.label.padEnd(18)} ${user.principal.name}\n    ${user.token}`),
      ]),
  "",
  "Stop with Ctrl+C.",
  "",
];
console.log(lines.join("\n"));

exitOnSignals(log, () => platform.stop());
