import { connect } from "@nats-io/transport-node";
import { jetstream, jetstreamManager } from "@nats-io/jetstream";
import { startNatsServer } from "@lienthong/testing/nats-server";
import { parseDeadLetter, type DeadLetter } from "../src/event-bus";
import { connectJetStreamBus } from "../src/jetstream";
import { DEAD_LETTER_STREAM, deadLetterSubjectOf } from "../src/subjects";
import type { BusHarness } from "./bus-contract";

/** A JetStream bus on its own nats-server, plus a side connection to inspect streams. */
export interface JetStreamHarness extends BusHarness {
  url: string;
  messagesIn(stream: string): Promise<number>;
}

export async function jetStreamHarness(): Promise<JetStreamHarness> {
  const server = await startNatsServer();
  const bus = await connectJetStreamBus({ servers: server.url, name: "bus-contract" });
  const nc = await connect({ servers: server.url, name: "bus-contract-inspector" });
  const jsm = await jetstreamManager(nc);

  return {
    bus,
    url: server.url,
    async publishRaw(subject, payload) {
      await jetstream(nc).publish(subject, payload);
    },
    async deadLetters(durable) {
      const { state } = await jsm.streams.info(DEAD_LETTER_STREAM);
      const letters: DeadLetter[] = [];
      for (let seq = state.first_seq; state.messages > 0 && seq <= state.last_seq; seq += 1) {
        const message = await jsm.streams.getMessage(DEAD_LETTER_STREAM, { seq });
        if (message?.subject === deadLetterSubjectOf(durable)) letters.push(parseDeadLetter(message.json()));
      }
      return letters;
    },
    async messagesIn(stream) {
      const info = await jsm.streams.info(stream).catch(() => null);
      return info?.state.messages ?? 0;
    },
    async close() {
      await bus.close();
      await nc.close();
      await server.stop();
    },
  };
}
