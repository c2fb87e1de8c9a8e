/** What the consumer process tells the publisher about one run, as one stdout line. */
export interface RunReport {
  run: string;
  /** Distinct events received (equals the run's total when the report is written). */
  received: number;
  /** Events delivered again after they had been received (at-least-once redeliveries). */
  duplicates: number;
  /** Wall-clock epoch ms (see wall-clock.ts) of the first and last receipt. */
  firstReceivedAt: number;
  lastReceivedAt: number;
  /** Receive time minus the publish time carried in the event, in ms, one per distinct event. */
  latenciesMs: number[];
}

export const REPORT_PREFIX = "report ";
export const READY_LINE = "ready";

export function formatReport(report: RunReport): string {
  const latenciesMs = report.latenciesMs.map((value) => Math.round(value * 1000) / 1000);
  return `${REPORT_PREFIX}${JSON.stringify({ ...report, latenciesMs })}`;
}

/** Parses a report line; the error names the field that is wrong. */
export function parseReport(line: string): RunReport {
  if (!line.startsWith(REPORT_PREFIX)) throw new Error(`report: line does not start with "${REPORT_PREFIX}"`);
  let value: unknown;
  try {
    value = JSON.parse(line.slice(REPORT_PREFIX.length));
  } catch (error) {
    throw new Error(`report: not valid JSON (${error instanceof Error ? error.message : String(error)})`, { cause: error });
  }
  if (typeof value !== "object" || value === null) throw new Error("report: must be a JSON object");
  const fields = value as Record<string, unknown>;
  const number = (field: keyof RunReport): number => {
    const candidate = fields[field];
    if (typeof candidate !== "number" || !Number.isFinite(candidate)) throw new Error(`report.${field}: must be a finite number`);
    return candidate;
  };
  const run = fields.run;
  if (typeof run !== "string" || run === "") throw new Error("report.run: must be a non-empty string");
  const latenciesMs = fields.latenciesMs;
  if (!Array.isArray(latenciesMs) || !latenciesMs.every((item) => typeof item === "number" && Number.isFinite(item))) {
    throw new Error("report.latenciesMs: must be an array of finite numbers");
  }
  return {
    run,
    received: number("received"),
    duplicates: number("duplicates"),
    firstReceivedAt: number("firstReceivedAt"),
    lastReceivedAt: number("lastReceivedAt"),
    latenciesMs: latenciesMs as number[],
  };
}
