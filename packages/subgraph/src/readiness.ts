import type { EventBus } from "@lienthong/bus/event-bus";

export type CheckState = "running" | "stopped";

/** What /readyz answers: ready once start-up has finished and while every consumer and schedule runs. */
export interface ReadinessReport {
  ready: boolean;
  /** False until the app's start() has finished, and again once its stop() has begun. */
  started: boolean;
  /** Each consumer (by durable name) and schedule (by name) the app has started. */
  checks: Record<string, CheckState>;
}

/** Something started and stopped as a whole: a schedule from `periodic()`, a worker. */
export interface Startable {
  start(): void | Promise<void>;
  stop(): Promise<void>;
}

export interface Readiness {
  /** The same bus; each consumer it starts is a check named after its durable until the consumer stops. */
  consumers(bus: EventBus): EventBus;
  /** The same job; it is a check named `name`, running from start() until stop(). */
  schedule<Job extends Startable>(name: string, job: Job): Job;
  /** Call at the end of the app's start(). */
  started(): void;
  /** Call first thing in the app's stop(): a stopping service is not ready. */
  stopping(): void;
  report(): ReadinessReport;
}

export function createReadiness(): Readiness {
  const checks = new Map<string, CheckState>();
  let started = false;

  return {
    consumers: (bus) => ({
      publish: (envelope) => bus.publish(envelope),
      close: () => bus.close(),
      async consume(options) {
        const consumer = await bus.consume(options);
        checks.set(options.durable, "running");
        return {
          async stop() {
            checks.set(options.durable, "stopped");
            await consumer.stop();
          },
        };
      },
    }),
    schedule(name, job) {
      checks.set(name, "stopped");
      return {
        ...job,
        // Synchronous for a job whose start() is (a poller), so it counts as running as soon as start() returns.
        start() {
          const starting = job.start();
          if (!(starting instanceof Promise)) return void checks.set(name, "running");
          return starting.then(() => void checks.set(name, "running"));
        },
        async stop() {
          checks.set(name, "stopped");
          await job.stop();
        },
      };
    },
    started: () => void (started = true),
    stopping: () => void (started = false),
    report() {
      const states = Object.fromEntries(checks);
      return { ready: started && Object.values(states).every((state) => state === "running"), started, checks: states };
    },
  };
}
