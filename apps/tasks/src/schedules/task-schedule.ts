import type { Logger } from "pino";
import type { Clock } from "@lienthong/calendar/clock";
import { newId } from "@lienthong/contracts/ids";
import { periodic } from "@lienthong/calendar/periodic";
import type { TaskCommands } from "../tasks/task-commands";
import type { TaskQueries } from "../tasks/task-store";

const DAY_MS = 86_400_000;
/** Tasks handled per sweep and kind; the next sweep picks up the rest. */
const BATCH = 500;

export interface SweepOutcome {
  overdue: number;
  reminders: number;
}

export interface TaskSchedule {
  /** One sweep: flags overdue tasks and sends due reminders. Idempotent, safe with several instances. */
  runOnce(): Promise<SweepOutcome>;
  /** Sweeps now, then every `intervalMs`. */
  start(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * The due-date schedule: indexed queries on `overdueFrom` and `dueAt` find candidates; each one gets an idempotent
 * command, so a task is flagged once per deadline and reminded once per offset whatever the number of sweeps.
 */
export function createTaskSchedule(deps: {
  queries: TaskQueries;
  commands: TaskCommands;
  clock: Clock;
  log: Logger;
  reminderOffsets: readonly number[];
  intervalMs: number;
}): TaskSchedule {
  const horizonMs = (Math.max(0, ...deps.reminderOffsets) + 1) * DAY_MS;

  async function sweep(): Promise<SweepOutcome> {
    const now = deps.clock.now();
    const correlationId = `schedule-${newId()}`;
    let overdue = 0;
    let reminders = 0;
    for (const taskId of await deps.queries.overdueCandidates(now, BATCH)) {
      const result = await deps.commands.runScheduled({ type: "MarkTaskOverdue", taskId }, correlationId);
      if (result.ok && result.value) overdue += 1;
      if (!result.ok) deps.log.warn({ taskId, error: result.error }, "could not mark task overdue");
    }
    if (deps.reminderOffsets.length > 0) {
      for (const taskId of await deps.queries.reminderCandidates(now, horizonMs, BATCH)) {
        const result = await deps.commands.runScheduled({ type: "SendTaskReminder", taskId }, correlationId);
        if (result.ok && result.value) reminders += 1;
        if (!result.ok) deps.log.warn({ taskId, error: result.error }, "could not send task reminder");
      }
    }
    if (overdue + reminders > 0) deps.log.info({ overdue, reminders }, "task schedule swept");
    return { overdue, reminders };
  }

  return periodic({ name: "task schedule", intervalMs: deps.intervalMs, run: sweep, log: deps.log });
}
