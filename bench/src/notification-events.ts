import type { Principal } from "@lienthong/auth/principal";
import { officialRegistered } from "@lienthong/contracts/directory";
import type { Envelope } from "@lienthong/contracts/envelope";
import { buildEnvelope } from "@lienthong/contracts/registry";
import { taskAdded, taskAssigned } from "@lienthong/contracts/tasks";
import { UNIT_CODES } from "./task-docs";

/** Wards whose officials the bench registers, and officials per ward (the first is the ward's admin). */
const WARDS = UNIT_CODES.slice(0, 16);
const OFFICIALS_PER_WARD = 20;
const by = { name: "Bench", authority: "bench" };

export interface BenchOfficial extends Principal {
  unit: string;
}

/** 16 wards × 20 officials: one unit_admin and 19 unit_officers each. */
export const OFFICIALS: readonly BenchOfficial[] = WARDS.flatMap((unit) =>
  Array.from({ length: OFFICIALS_PER_WARD }, (_, index): BenchOfficial => ({
    sub: `official-${unit}-${String(index).padStart(2, "0")}`,
    name: `Cán bộ ${index} phường ${unit}`,
    roles: [index === 0 ? "unit_admin" : "unit_officer"],
    units: [unit],
    unit,
  })),
);

function envelope(
  declaration: Parameters<typeof buildEnvelope>[0],
  aggregateId: string,
  version: number,
  data: unknown,
  unit: string,
): Envelope {
  return buildEnvelope(declaration, {
    aggregateId,
    aggregateVersion: version,
    data,
    time: new Date(),
    context: { actor: "bench", correlationid: aggregateId, unit },
  });
}

/** directory's officialRegistered for one official (each earns an OFFICIAL_WELCOME notification). */
export function registration(official: BenchOfficial): Envelope {
  return envelope(
    officialRegistered,
    official.sub,
    1,
    {
      officialId: official.sub,
      fullName: official.name,
      position: "Cán bộ",
      unit: official.unit,
      roles: official.roles,
      email: `${official.sub}@bench.invalid`,
    },
    official.unit,
  );
}

/** Task `seq` of a run: in ward seq mod 16, led by one of its officers with the next officer as co-owner. */
export function benchTask(run: string, seq: number) {
  const unit = WARDS[seq % WARDS.length] as string;
  const officer = 1 + (Math.floor(seq / WARDS.length) % (OFFICIALS_PER_WARD - 1));
  const coOfficer = 1 + (officer % (OFFICIALS_PER_WARD - 1));
  return {
    taskId: `${run}-${seq}`,
    unit,
    leadOwner: `official-${unit}-${String(officer).padStart(2, "0")}`,
    coOwner: `official-${unit}-${String(coOfficer).padStart(2, "0")}`,
  };
}

/** Recipients of one taskAssigned: the lead owner and the co-owner. */
export const NOTIFICATIONS_PER_ASSIGNMENT = 2;

export function taskAddition(task: ReturnType<typeof benchTask>): Envelope {
  const data = {
    taskId: task.taskId,
    unit: task.unit,
    assigningUnit: task.unit,
    title: `Nhiệm vụ ${task.taskId}`,
    coOwners: [],
    milestones: [],
    priority: "NORMAL",
    by,
  };
  return envelope(taskAdded, task.taskId, 1, data, task.unit);
}

export function taskAssignment(task: ReturnType<typeof benchTask>): Envelope {
  const data = { taskId: task.taskId, unit: task.unit, leadOwner: task.leadOwner, coOwners: [task.coOwner], deadline: "2026-12-31", by };
  return envelope(taskAssigned, task.taskId, 2, data, task.unit);
}
