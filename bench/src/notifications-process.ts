import { startTypeScript } from "@lienthong/testing/child-process";
import { freePort } from "@lienthong/testing/free-port";
import { tempDir } from "@lienthong/testing/temp-dir";

/** `pnpm --filter @lienthong/notifications start`'s entry point: the subgraph, its durable consumers and workers. */
const NOTIFICATIONS_MAIN = import.meta.resolve("@lienthong/notifications/main");
const START_TIMEOUT_MS = 60_000;

export interface NotificationsProcess {
  /** The subgraph's GraphQL endpoint (queries, and subscriptions over SSE). */
  url: string;
  /** SIGTERM, wait for the exit, remove the data folder. */
  stop(): Promise<void>;
}

/**
 * Starts the notifications service as its own process, as deployed: embedded store in a temp folder,
 * JetStream bus on `natsUrl`, tokens verified with `authSecret`, e-mail off.
 */
export async function startNotificationsProcess(options: { natsUrl: string; authSecret: string }): Promise<NotificationsProcess> {
  const data = tempDir("lienthong-bench-notifications-");
  const port = await freePort();
  const child = startTypeScript(NOTIFICATIONS_MAIN, {
    env: {
      DATA_DIR: data.path,
      PORT: String(port),
      HOST: "127.0.0.1",
      NATS_URL: options.natsUrl,
      AUTH_SECRET: options.authSecret,
      NODE_ENV: "production",
      LOG_LEVEL: "info",
      AUTH_JWKS_URL: undefined,
      SMTP_URL: undefined,
      CLOCK_START: undefined,
      MONGODB_URL: undefined,
    },
  });
  const stop = async () => {
    await child.stop();
    await data.remove();
  };
  try {
    await child.waitForLine(/notifications subgraph listening/, { timeoutMs: START_TIMEOUT_MS });
    return { url: `http://127.0.0.1:${port}/graphql`, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
