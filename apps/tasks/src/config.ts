import { z } from "zod";
import { commonEnv, port, requireAuthInProduction } from "@lienthong/config/common";
import { integer, oneOf } from "@lienthong/config/fields";
import { CHECKLIST_NAMES, type ChecklistName } from "./tasks/checklist";

const offsetsMessage = "must be a comma-separated list of whole days before the deadline, e.g. 3,1";
const reminderOffsets = z
  .string({ error: offsetsMessage })
  .regex(/^\s*\d{1,3}(\s*,\s*\d{1,3})*\s*$/, { error: offsetsMessage })
  .transform((value) => [...new Set(value.split(",").map((day) => Number(day.trim())))].filter((day) => day > 0).sort((a, b) => b - a));

export const tasksEnvSchema = requireAuthInProduction(
  z.object({
    ...commonEnv,
    PORT: port(4002),
    /** "5-ro" (city guidance) or "6-ro" (the Government's variant). */
    TASK_CHECKLIST: oneOf(CHECKLIST_NAMES as [ChecklistName, ...ChecklistName[]]).default("5-ro"),
    TASK_REMINDER_DAYS: reminderOffsets.default([3, 1]),
    TASK_SCHEDULE_INTERVAL_MS: integer({ min: 1000, max: 86_400_000 }).default(60_000),
  }),
);
