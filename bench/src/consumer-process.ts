import { parseArgs } from "node:util";
import { connectJetStreamBus } from "@lienthong/bus/jetstream";
import { probeSent } from "./probe-event";
import { formatReport, READY_LINE } from "./run-report";
import { RunTracker } from "./run-tracker";
import { wallClockMs } from "./wall-clock";

/**
 * The receiving side of the bus benchmark, a process of its own: consumes a durable and prints one
 * report line per completed run (see run-report.ts). Started by bus-bench.ts; stops on SIGTERM.
 *
 *   consumer-process.ts --url nats://127.0.0.1:4333 --durable bench.latency-probe --subject lt.bench.>
 */
function readOptions(args: string[]): { url: string; durable: string; subject: string } {
  const { values } = parseArgs({
    args,
    strict: true,
    options: { url: { type: "string" }, durable: { type: "string" }, subject: { type: "string" } },
  });
  const problems: string[] = [];
  if (!values.url?.startsWith("nats://")) problems.push("--url: must be a nats:// URL");
  if (!values.durable) problems.push("--durable: is required");
  if (!values.subject) problems.push("--subject: is required");
  if (problems.length > 0) throw new Error(`consumer-process: ${problems.join("; ")}`);
  return { url: values.url as string, durable: values.durable as string, subject: values.subject as string };
}

const options = readOptions(process.argv.slice(2));
const bus = await connectJetStreamBus({ servers: options.url, name: "bench-consumer" });
const tracker = new RunTracker((report) => process.stdout.write(`${formatReport(report)}\n`));
const consumer = await bus.consume({
  durable: options.durable,
  subject: options.subject,
  events: [probeSent],
  handler: async (envelope) => {
    const receivedAt = wallClockMs();
    tracker.record(probeSent.schema.parse(envelope.data), receivedAt);
  },
});
process.stdout.write(`${READY_LINE}\n`);

process.once("SIGTERM", () => {
  void consumer
    .stop()
    .then(() => bus.close())
    .finally(() => process.exit(0));
});
