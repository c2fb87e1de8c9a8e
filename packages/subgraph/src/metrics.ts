/**
 * A small Prometheus registry: counters, gauges (set or collected at scrape time) and histograms, rendered in
 * the text exposition format. Registering the same name and kind twice returns the existing metric, so
 * several parts of an app (or several subgraphs in one process) may share a registry.
 */
export type Labels = Record<string, string>;

export interface Counter {
  inc(labels?: Labels, by?: number): void;
}

export interface Gauge {
  set(value: number, labels?: Labels): void;
  inc(labels?: Labels, by?: number): void;
  dec(labels?: Labels, by?: number): void;
}

export interface Histogram {
  observe(value: number, labels?: Labels): void;
}

export interface Metrics {
  counter(name: string, help: string): Counter;
  /** `collect` is called at every scrape, for values that live elsewhere (outbox depth, memory). */
  gauge(name: string, help: string, collect?: () => number | Promise<number>): Gauge;
  histogram(name: string, help: string, buckets?: readonly number[]): Histogram;
  /** Prometheus text format, version 0.0.4. */
  render(): Promise<string>;
}

export const METRICS_CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";
export const DEFAULT_DURATION_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10] as const;

type Kind = "counter" | "gauge" | "histogram";

interface Family {
  kind: Kind;
  help: string;
  metric: Counter | Gauge | Histogram;
  lines(): Promise<string[]>;
}

interface HistogramSeries {
  labels: Labels;
  buckets: number[];
  sum: number;
  count: number;
}

const NAME_PATTERN = /^[a-zA-Z_:][a-zA-Z0-9_:]*$/;
const LABEL_PATTERN = /^[a-zA-Z_][a-zA-Z0-9_]*$/;

export function createMetrics(): Metrics {
  const families = new Map<string, Family>();

  function register<M extends Counter | Gauge | Histogram>(
    name: string,
    kind: Kind,
    help: string,
    create: () => Omit<Family, "kind" | "help">,
  ): M {
    if (!NAME_PATTERN.test(name)) throw new TypeError(`Invalid metric name ${JSON.stringify(name)}`);
    const existing = families.get(name);
    if (existing) {
      if (existing.kind !== kind) throw new TypeError(`Metric ${name} is already registered as a ${existing.kind}`);
      return existing.metric as M;
    }
    const family = { kind, help, ...create() };
    families.set(name, family);
    return family.metric as M;
  }

  return {
    counter(name, help) {
      return register<Counter>(name, "counter", help, () => {
        const values = new Map<string, number>();
        return {
          metric: { inc: (labels = {}, by = 1) => add(values, labels, by) },
          lines: async () => [...values].map(([key, value]) => `${name}${key} ${value}`),
        };
      });
    },

    gauge(name, help, collect) {
      return register<Gauge>(name, "gauge", help, () => {
        const values = new Map<string, number>();
        return {
          metric: {
            set: (value, labels = {}) => void values.set(labelKey(labels), value),
            inc: (labels = {}, by = 1) => add(values, labels, by),
            dec: (labels = {}, by = 1) => add(values, labels, -by),
          },
          lines: async () => {
            if (collect) values.set("", await collect());
            return [...values].map(([key, value]) => `${name}${key} ${value}`);
          },
        };
      });
    },

    histogram(name, help, buckets = DEFAULT_DURATION_BUCKETS) {
      return register<Histogram>(name, "histogram", help, () => {
        const bounds = [...buckets].sort((a, b) => a - b);
        const series = new Map<string, HistogramSeries>();
        return {
          metric: {
            observe(value, labels = {}) {
              const key = labelKey(labels);
              let entry = series.get(key);
              if (!entry) {
                entry = { labels, buckets: bounds.map(() => 0), sum: 0, count: 0 };
                series.set(key, entry);
              }
              for (let index = 0; index < bounds.length; index += 1) {
                if (value <= (bounds[index] as number)) entry.buckets[index] = (entry.buckets[index] as number) + 1;
              }
              entry.sum += value;
              entry.count += 1;
            },
          },
          lines: async () =>
            [...series.values()].flatMap((entry) => [
              ...bounds.map((bound, index) => `${name}_bucket${labelKey({ ...entry.labels, le: String(bound) })} ${entry.buckets[index]}`),
              `${name}_bucket${labelKey({ ...entry.labels, le: "+Inf" })} ${entry.count}`,
              `${name}_sum${labelKey(entry.labels)} ${entry.sum}`,
              `${name}_count${labelKey(entry.labels)} ${entry.count}`,
            ]),
        };
      });
    },

    async render() {
      const blocks = await Promise.all(
        [...families].map(async ([name, family]) =>
          [`# HELP ${name} ${escapeHelp(family.help)}`, `# TYPE ${name} ${family.kind}`, ...(await family.lines())].join("\n"),
        ),
      );
      return `${blocks.join("\n")}\n`;
    },
  };
}

function add(values: Map<string, number>, labels: Labels, by: number): void {
  const key = labelKey(labels);
  values.set(key, (values.get(key) ?? 0) + by);
}

function labelKey(labels: Labels): string {
  const names = Object.keys(labels).sort();
  if (names.length === 0) return "";
  for (const name of names) {
    if (!LABEL_PATTERN.test(name)) throw new TypeError(`Invalid label name ${JSON.stringify(name)}`);
  }
  return `{${names.map((name) => `${name}="${escapeLabelValue(labels[name] as string)}"`).join(",")}}`;
}

function escapeLabelValue(value: string): string {
  return value.replace(/\\/g, "\\\\").replace(/"/g, '\\"').replace(/\n/g, "\\n");
}

function escapeHelp(help: string): string {
  return help.replace(/\\/g, "\\\\").replace(/\n/g, "\\n");
}
