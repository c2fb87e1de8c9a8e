import { runProcess } from "@lienthong/subgraph/run-service";
import { startupBanner } from "./banner";
import { dataDirOf, platformEnvSchema } from "./config";
import { startPlatform } from "./platform";

await runProcess({
  name: "platform",
  env: platformEnvSchema,
  async start(config, { log }) {
    const dataDir = dataDirOf(config, process.env.INIT_CWD);
    const platform = await startPlatform(config, dataDir, log);
    const banner = startupBanner({
      graphqlUrl: platform.graphqlUrl,
      demoUsers: platform.demoUsers,
      data: config.MONGODB_URL ? "MongoDB" : dataDir,
      bus: config.NATS_URL ? "NATS JetStream" : "embedded",
    });
    process.stdout.write(`${banner}\n`);
    return platform;
  },
});
