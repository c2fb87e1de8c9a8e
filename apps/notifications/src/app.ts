import type { GraphQLSchema } from "graphql";
import type { Consumer } from "@lienthong/bus/event-bus";
import type { Periodic } from "@lienthong/calendar/periodic";
import { createSubgraph, type Subgraph } from "@lienthong/subgraph/create-subgraph";
import { createMetrics } from "@lienthong/subgraph/metrics";
import { createReadiness } from "@lienthong/subgraph/readiness";
import { observedBus } from "@lienthong/bus/observed-bus";
import { createEmailOutbox, type EmailOutbox } from "./email/email-outbox";
import { createEmailWorker } from "./schedules/email-worker";
import { createSmtpMailer, type Mailer } from "./email/mailer";
import { createNotificationStore, type NotificationStore } from "./feed/notification-store";
import { createDispatcher, type Dispatcher } from "./consumers/dispatcher";
import { startSubscribers, WEBHOOK_EVENT_TYPES } from "./consumers/subscribers";
import { createPreferenceStore } from "./preferences/preference-store";
import { createOfficialReadModel } from "./read-models/official-read-model";
import { createOversightReadModel } from "./read-models/oversight-read-model";
import { createTaskReadModel } from "./read-models/task-read-model";
import { ALL_RULES } from "./rules/all-rules";
import type { AnyRule } from "./rules/rule";
import { createLiveFeed } from "./schema/live-feed";
import { buildNotificationsSchema } from "./schema/schema";
import { createDeliveryStore, type DeliveryStore } from "./webhooks/delivery-store";
import { DEFAULT_RETRY_POLICY, type RetryPolicy } from "./webhooks/retry-schedule";
import { createWebhookCommands } from "./webhooks/webhook-commands";
import { createWebhookStore } from "./webhooks/webhook-store";
import { createWebhookWorker } from "./schedules/webhook-worker";
import type { AppDeps } from "@lienthong/subgraph/app-deps";

export interface NotificationsDeps extends AppDeps {
  /** smtp://… or smtps://…; unset = the e-mail channel is off. */
  smtpUrl?: string | undefined;
  /** Defaults to every rule in rules/all-rules. */
  rules?: readonly AnyRule[];
  webhookRetry?: RetryPolicy;
  /** How often the webhook and e-mail workers look for due work besides wake-ups; default 1 s / 5 s. */
  webhookPollMs?: number;
  emailPollMs?: number;
}

export interface NotificationsApp {
  subgraph: Subgraph;
  schema: GraphQLSchema;
  /** The event → effects pipeline the consumers run; exposed so tests can hand it an event twice. */
  dispatcher: Dispatcher;
  notifications: NotificationStore;
  deliveries: DeliveryStore;
  emails: EmailOutbox | null;
  /** Runs one pass of the e-mail worker now (tests, after moving a clock past quiet hours). */
  flushEmail(): Promise<void>;
  /** Starts the durable consumers and the webhook and e-mail workers. */
  start(): Promise<void>;
  /** Stops consumers and workers, waiting for work in flight; the caller closes the HTTP server first and the store and bus after. */
  stop(): Promise<void>;
}

export async function buildApp(deps: NotificationsDeps): Promise<NotificationsApp> {
  const log = deps.log.child({ service: "notifications" });
  const metrics = deps.metrics ?? createMetrics();
  const officials = createOfficialReadModel(deps.db);
  const tasks = createTaskReadModel(deps.db);
  const oversight = createOversightReadModel(deps.db);
  const notifications = createNotificationStore(deps.db);
  const preferences = createPreferenceStore(deps.db);
  const webhooks = createWebhookStore(deps.db);
  const deliveries = createDeliveryStore(deps.db);
  const mailer: Mailer | null = deps.smtpUrl ? createSmtpMailer(deps.smtpUrl) : null;
  const emails = mailer ? createEmailOutbox(deps.db) : null;
  await Promise.all([
    officials.ensureIndexes(),
    notifications.ensureIndexes(),
    webhooks.ensureIndexes(),
    deliveries.ensureIndexes(),
    emails?.ensureIndexes(),
  ]);

  const live = createLiveFeed();
  const readiness = createReadiness();
  const webhookWorker = readiness.schedule(
    "webhook worker",
    createWebhookWorker({
      webhooks,
      deliveries,
      clock: deps.clock,
      log,
      policy: deps.webhookRetry ?? DEFAULT_RETRY_POLICY,
      ...(deps.webhookPollMs ? { intervalMs: deps.webhookPollMs } : {}),
    }),
  );
  const emailWorker: Periodic<void> | null =
    mailer && emails
      ? readiness.schedule(
          "email worker",
          createEmailWorker({
            outbox: emails,
            mailer,
            clock: deps.clock,
            log,
            ...(deps.emailPollMs ? { intervalMs: deps.emailPollMs } : {}),
          }),
        )
      : null;

  const dispatcher = createDispatcher({
    rules: deps.rules ?? ALL_RULES,
    officials,
    tasks,
    oversight,
    notifications,
    preferences,
    webhooks,
    deliveries,
    emails,
    clock: deps.clock,
    log,
    onNotification: (notification) => live.publish(notification),
    onEmailQueued: () => emailWorker?.wake(),
    onDeliveryQueued: () => webhookWorker.wake(),
  });
  const commands = createWebhookCommands({ webhooks, deliveries, clock: deps.clock, onRequeued: () => webhookWorker.wake() });
  const schema = buildNotificationsSchema({
    notifications,
    live,
    clock: deps.clock,
    preferences,
    webhooks,
    deliveries,
    commands,
    eventTypes: WEBHOOK_EVENT_TYPES,
  });
  let consumers: Consumer[] = [];
  const subgraph = createSubgraph({
    name: "notifications",
    schema,
    verifier: deps.verifier,
    log,
    graphiql: deps.graphiql ?? false,
    readiness,
    metrics,
  });

  return {
    subgraph,
    schema,
    dispatcher,
    notifications,
    deliveries,
    emails,
    flushEmail: async () => emailWorker?.runFresh(),
    async start() {
      consumers = await startSubscribers(readiness.consumers(observedBus(deps.bus, metrics, "notifications")), dispatcher);
      await webhookWorker.start();
      await emailWorker?.start();
      readiness.started();
    },
    async stop() {
      readiness.stopping();
      await Promise.all(consumers.map((consumer) => consumer.stop()));
      consumers = [];
      await Promise.all([webhookWorker.stop(), emailWorker?.stop()]);
      mailer?.close();
    },
  };
}
