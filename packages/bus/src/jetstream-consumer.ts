import type { Consumer as JsConsumer, JetStreamClient, JsMsg } from "@nats-io/jetstream";
import type { Logger } from "pino";
import type { Envelope } from "@lienthong/contracts/envelope";
import type { EventDeclaration } from "@lienthong/contracts/registry";
import { backoffDelay, errorText, type ConsumeSettings, type Consumer, type DeadLetter } from "./event-bus";
import { readMessage } from "./receipt";
import { deadLetterSubjectOf } from "./subjects";

interface RunOptions {
  js: JetStreamClient;
  consumer: JsConsumer;
  settings: ConsumeSettings;
  handler: (envelope: Envelope) => Promise<void>;
  events: readonly EventDeclaration[];
  ackWaitMs: number;
  log: Logger;
}

/** Messages buffered per pull; few, so a slow handler does not let buffered ones outlive the ack wait. */
const PULL_BATCH = 8;

/**
 * Pulls messages one at a time: ack after the handler resolves, nak with backoff when it throws,
 * dead letter + term after maxDeliver failures or at once for an invalid message.
 */
export async function runJetStreamConsumer(options: RunOptions): Promise<Consumer> {
  const { js, settings, log } = options;
  const messages = await options.consumer.consume({ max_messages: PULL_BATCH });
  let stopping = false;

  const deadLetter = async (msg: JsMsg, letter: DeadLetter) => {
    // msgID: if the term below is lost and the message comes back, the second letter is dropped as a duplicate.
    await js.publish(deadLetterSubjectOf(settings.durable), JSON.stringify(letter), { msgID: `${settings.durable}:${msg.seq}` });
    // No reason text: nats-server 2.9 only understands a bare +TERM.
    msg.term();
    log.warn({ reason: letter.reason, deliveries: letter.deliveries, subject: msg.subject }, "event dead-lettered");
  };

  const handle = async (msg: JsMsg) => {
    const deliveries = msg.info.deliveryCount;
    const facts = { durable: settings.durable, subject: msg.subject, deliveries, failedAt: new Date().toISOString() };
    const receipt = readMessage(msg.string(), options.events);
    if (!receipt.ok) {
      const { ok: _ok, ...letter } = receipt;
      await deadLetter(msg, { ...facts, ...letter });
      return;
    }
    // Keeps the server from redelivering while a slow handler is still at work.
    const heartbeat = setInterval(() => msg.working(), options.ackWaitMs / 3);
    try {
      await options.handler(receipt.envelope);
      msg.ack();
    } catch (error) {
      const reason = errorText(error);
      if (deliveries >= settings.maxDeliver) {
        await deadLetter(msg, { ...facts, reason, envelope: receipt.envelope });
      } else {
        log.info({ eventId: receipt.envelope.id, deliveries, reason }, "handler failed; will retry");
        msg.nak(backoffDelay(settings.backoff, deliveries));
      }
    } finally {
      clearInterval(heartbeat);
    }
  };

  const loop = (async () => {
    for await (const msg of messages) {
      // Buffered after stop(): hand back at once so the next consumer gets it without waiting for ack_wait.
      if (stopping) {
        msg.nak();
        continue;
      }
      try {
        await handle(msg);
      } catch (error) {
        // Dead-lettering itself failed (connection trouble): leave the message for a later delivery.
        log.error({ err: error, subject: msg.subject }, "could not settle message");
        msg.nak(backoffDelay(settings.backoff, msg.info.deliveryCount));
      }
    }
  })();

  return {
    async stop() {
      stopping = true;
      await messages.close();
      await loop;
    },
  };
}
