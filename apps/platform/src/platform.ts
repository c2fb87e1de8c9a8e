import type { Logger } from "pino";
import { signDevToken, DEV_AUTH_SECRET } from "@lienthong/auth/dev-token";
import type { Principal } from "@lienthong/auth/principal";
import { verifierFromConfig } from "@lienthong/auth/verifier-from-config";
import { openBus } from "@lienthong/bus/open-bus";
import { clockFromStart } from "@lienthong/calendar/clock";
import type { Store } from "@lienthong/store/collection";
import { openStore } from "@lienthong/store/open-store";
import { listen, type RunningServer } from "@lienthong/subgraph/serve";
import { buildGateway } from "@lienthong/gateway/app";
import type { PlatformConfig } from "./config";
import { DEMO_SEEDER, DEMO_WARDS } from "./demo-people";
import { seedDemoCityAdmin, seedDemoOfficials, seedOnce, type AdminGraphql } from "./seed";
import { SERVICES, type RunningService, type ServiceEntry } from "./services";

export interface DemoUser {
  label: string;
  principal: Principal;
  token: string;
}

export interface Platform {
  graphqlUrl: string;
  demoUsers: DemoUser[];
  stop(): Promise<void>;
}

/** Every service and the gateway in one process, on the embedded store and bus unless MONGODB_URL / NATS_URL say otherwise. */
export async function startPlatform(config: PlatformConfig, dataDir: string, log: Logger): Promise<Platform> {
  const store = await openStore({ dataDir, mongodbUrl: config.MONGODB_URL });
  const bus = await openBus({ store, natsUrl: config.NATS_URL, name: "platform", log });
  const verifier = verifierFromConfig(config);
  const clock = clockFromStart(config.CLOCK_START);
  const development = config.NODE_ENV === "development";

  const services: { name: string; service: RunningService; server: RunningServer; seed: ServiceEntry["seed"] }[] = [];
  for (const { name, build, seed } of SERVICES) {
    const service = await build({
      db: store.db(name),
      bus,
      clock,
      verifier,
      log: log.child({ service: name }),
      graphiql: development,
      config,
    });
    const server = await service.subgraph.listen(0, "127.0.0.1");
    services.push({ name, service, server, seed });
  }

  const gateway = buildGateway({
    subgraphs: services.map(({ name, server }) => ({ name, url: `http://127.0.0.1:${server.port}/graphql` })),
    verify: (token) => verifier.verify(token),
    development,
    log: log.child({ service: "gateway" }),
    retry: { initialDelayMs: 50, maxDelayMs: 1_000 },
  });
  const gatewayServer = await listen(gateway.handler, { port: config.PORT, host: config.HOST, log, shutdownTimeoutMs: 10_000 });
  await gateway.start();
  for (const { service } of services) await service.start();
  while (!gateway.ready()) await new Promise((resolve) => setTimeout(resolve, 50));

  const graphqlUrl = `http://${config.HOST === "0.0.0.0" ? "127.0.0.1" : config.HOST}:${gatewayServer.port}/graphql`;
  // Demo users only make sense with a secret the platform can sign with; with a JWKS, tokens come from the identity provider.
  const demoUsers = config.AUTH_JWKS_URL
    ? []
    : await seedDemoData(config.AUTH_SECRET ?? DEV_AUTH_SECRET, graphqlUrl, store, services, clock.now());

  return {
    graphqlUrl,
    demoUsers,
    async stop() {
      await gatewayServer.close();
      await gateway.stop();
      for (const { server } of services) await server.close();
      for (const { service } of services) await service.stop();
      await bus.close();
      await store.close();
    },
  };
}

/**
 * Seeds the demo data (first start only) through the gateway, as the demo city admin once he is registered (by the
 * seeder principal), and signs a token per demo user.
 */
async function seedDemoData(
  secret: string,
  graphqlUrl: string,
  store: Store,
  services: { name: string; service: RunningService; seed: ServiceEntry["seed"] }[],
  now: Date,
): Promise<DemoUser[]> {
  const sign = (principal: Principal) => signDevToken(principal, secret, { expiresIn: "30d" });
  const graphqlAs =
    (token: string): AdminGraphql =>
    async (query, variables) => {
      const response = await fetch(graphqlUrl, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
        body: JSON.stringify({ query, variables }),
      });
      return (await response.json()) as Awaited<ReturnType<AdminGraphql>>;
    };
  const cityAdmin = await seedDemoCityAdmin(store.db("platform"), graphqlAs(await sign(DEMO_SEEDER)));
  const adminToken = await sign(cityAdmin.principal);
  const officials = await seedDemoOfficials(store.db("platform"), graphqlAs(adminToken));
  const demo = { wards: DEMO_WARDS.map((ward) => ward.code), officials, now };
  for (const { name, service, seed } of services) {
    if (seed) await seedOnce(store.db("platform"), name, () => seed(service, demo));
  }

  return [
    { label: "city admin", principal: cityAdmin.principal, token: adminToken },
    ...(await Promise.all(
      officials.map(async (official) => ({
        label: `${official.roles.includes("unit_admin") ? "ward admin" : "officer"} ${official.unit}`,
        principal: official.principal,
        token: await sign(official.principal),
      })),
    )),
  ];
}
