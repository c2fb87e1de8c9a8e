import { connect, nanos, type NatsConnection } from "@nats-io/transport-node";
import {
  AckPolicy,
  DeliverPolicy,
  jetstream,
  jetstreamManager,
  JetStreamApiCodes,
  JetStreamApiError,
  StorageType,
  type JetStreamManager,
} from "@nats-io/jetstream";
import { pino, type Logger } from "pino";
import { subjectOf } from "@lienthong/contracts/registry";
import type { Envelope } from "@lienthong/contracts/envelope";
import { consumeSettings, errorText, type ConsumeOptions, type Consumer, type EventBus } from "./event-bus";
import { assertPublishable } from "./receipt";
import { runJetStreamConsumer } from "./jetstream-consumer";
import { consumerNameOf, DEAD_LETTER_SERVICE, serviceOfSubject, streamNameOf } from "./subjects";

export interface JetStreamBusOptions {
  servers: string | string[];
  /** Connection name shown by the server, e.g. the service name. */
  name: string;
  log?: Logger;
}

/** Long enough for a relay to re-publish after a crash and still be de-duplicated by msgID. */
const DUPLICATE_WINDOW_MS = 2 * 60 * 1000;
/** A handler running longer than this is told to the server as still working (see jetstream-consumer). */
const ACK_WAIT_MS = 30_000;

/** Creates the stream if missing; an existing stream is left as configured (operators may tune it). */
async function ensureStream(jsm: JetStreamManager, name: string, subjects: string): Promise<void> {
  try {
    await jsm.streams.info(name);
    return;
  } catch (error) {
    if (!(error instanceof JetStreamApiError && error.code === JetStreamApiCodes.StreamNotFound)) throw error;
  }
  try {
    await jsm.streams.add({ name, subjects: [subjects], storage: StorageType.File, duplicate_window: nanos(DUPLICATE_WINDOW_MS) });
  } catch (error) {
    // Another instance created it between our info and add.
    await jsm.streams.info(name).catch(() => Promise.reject(error));
  }
}

export async function connectJetStreamBus(options: JetStreamBusOptions): Promise<EventBus> {
  const log = options.log ?? pino({ level: "silent" });
  // Reconnect for ever: after the default 10 attempts nats.js closes for good and ends every consumer.
  const nc: NatsConnection = await connect({ servers: options.servers, name: options.name, maxReconnectAttempts: -1 });
  const js = jetstream(nc);
  const jsm = await jetstreamManager(nc);
  const ensured = new Map<string, Promise<void>>();
  const consumers = new Set<Consumer>();

  const streamFor = (service: string): Promise<string> => {
    const name = streamNameOf(service);
    let ready = ensured.get(name);
    if (ready === undefined) {
      ready = ensureStream(jsm, name, `lt.${service}.>`);
      ready.catch(() => ensured.delete(name));
      ensured.set(name, ready);
    }
    return ready.then(() => name);
  };

  const bus: EventBus = {
    async publish(envelope: Envelope) {
      const payload = assertPublishable(envelope);
      const subject = subjectOf(envelope.type);
      await streamFor(serviceOfSubject(subject));
      // msgID = event id: the server drops a second publish of the same event inside the duplicate window.
      await js.publish(subject, payload, { msgID: envelope.id });
    },

    async consume(consumeOptions: ConsumeOptions) {
      const settings = consumeSettings(consumeOptions);
      const stream = await streamFor(serviceOfSubject(settings.subject));
      await streamFor(DEAD_LETTER_SERVICE);
      const name = consumerNameOf(settings.durable);
      await jsm.consumers
        .add(stream, {
          durable_name: name,
          ack_policy: AckPolicy.Explicit,
          deliver_policy: DeliverPolicy.All,
          filter_subject: settings.subject,
          ack_wait: nanos(ACK_WAIT_MS),
          // The adapter counts deliveries itself so that the last failure always reaches LT_DLQ; a server
          // limit would drop the message silently instead.
          max_deliver: -1,
        })
        .catch((error: unknown) => {
          throw new Error(`durable ${settings.durable}: cannot create consumer ${name} on ${stream}: ${errorText(error)}`);
        });
      const consumer = await runJetStreamConsumer({
        js,
        consumer: await js.consumers.get(stream, name),
        settings,
        handler: consumeOptions.handler,
        events: consumeOptions.events ?? [],
        ackWaitMs: ACK_WAIT_MS,
        log: log.child({ durable: settings.durable }),
      });
      const tracked: Consumer = {
        async stop() {
          consumers.delete(tracked);
          await consumer.stop();
        },
      };
      consumers.add(tracked);
      return tracked;
    },

    async close() {
      await Promise.all([...consumers].map((consumer) => consumer.stop()));
      if (!nc.isClosed()) await nc.drain();
    },
  };
  return bus;
}
