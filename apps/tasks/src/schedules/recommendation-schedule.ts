import type { Logger } from "pino";
import type { Clock } from "@lienthong/calendar/clock";
import { newId } from "@lienthong/contracts/ids";
import { periodic } from "@lienthong/calendar/periodic";
import type { SupervisionCommands } from "../supervision/supervision-commands";
import type { RecommendationQueries } from "../supervision/recommendation-store";

/** Recommendations handled per sweep; the next sweep picks up the rest. */
const BATCH = 500;

export interface RecommendationSchedule {
  /** One sweep: flags unanswered recommendations whose due day has ended in Vietnam. Answers how many it flagged. */
  runOnce(): Promise<number>;
  /** Sweeps now, then every `intervalMs`. */
  start(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Like the task schedule: an indexed query on `dueAt` finds candidates and each gets an idempotent command, so a
 * recommendation becomes overdue once whatever the number of sweeps, restarts or instances.
 */
export function createRecommendationSchedule(deps: {
  queries: RecommendationQueries;
  commands: SupervisionCommands;
  clock: Clock;
  log: Logger;
  intervalMs: number;
}): RecommendationSchedule {
  async function sweep(): Promise<number> {
    const correlationId = `schedule-${newId()}`;
    let overdue = 0;
    for (const id of await deps.queries.overdueCandidates(deps.clock.now(), BATCH)) {
      const result = await deps.commands.markOverdue(id, correlationId);
      if (result.ok && result.value) overdue += 1;
      if (!result.ok) deps.log.warn({ recommendationId: id, error: result.error }, "could not mark recommendation overdue");
    }
    if (overdue > 0) deps.log.info({ overdue }, "recommendation schedule swept");
    return overdue;
  }

  return periodic({ name: "recommendation schedule", intervalMs: deps.intervalMs, run: sweep, log: deps.log });
}
