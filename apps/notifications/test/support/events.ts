import { expect } from "vitest";
import type { EventBus } from "@lienthong/bus/event-bus";
import { officialRegistered } from "@lienthong/contracts/directory";
import type { Envelope } from "@lienthong/contracts/envelope";
import { buildEnvelope, type EventDeclaration } from "@lienthong/contracts/registry";
import { taskAdded, taskAssigned } from "@lienthong/contracts/tasks";
import type { z } from "zod";
import { people, SAI_GON } from "./notifications-fixture";

const by = { name: "Nguyễn Thị Lan", authority: `unit_admin of ${SAI_GON}` };

export function envelopeOf<Schema extends z.ZodType>(
  declaration: EventDeclaration<Schema>,
  aggregateId: string,
  version: number,
  data: z.input<Schema>,
  unit?: string,
  /** Who acted: an official's id (the principal's sub), as the tasks service records it. */
  actor = "test",
): Envelope {
  return buildEnvelope(declaration, {
    aggregateId,
    aggregateVersion: version,
    data,
    time: new Date(),
    context: { actor, correlationid: "test-correlation", ...(unit ? { unit } : {}) },
  });
}

export function registered(person: { sub: string; name: string; units: string[]; roles: string[] }, email?: string): Envelope {
  const unit = person.units[0] as string;
  return envelopeOf(
    officialRegistered,
    person.sub,
    1,
    {
      officialId: person.sub,
      fullName: person.name,
      position: "Cán bộ",
      unit,
      roles: person.roles as ["unit_officer"],
      ...(email ? { email } : {}),
    },
    unit,
  );
}

export function added(taskId: string, title: string, unit = SAI_GON, assigningUnit = SAI_GON): Envelope {
  return envelopeOf(
    taskAdded,
    taskId,
    1,
    { taskId, unit, assigningUnit, title, coOwners: [], milestones: [], priority: "NORMAL", by },
    unit,
  );
}

export function assigned(taskId: string, leadOwner: string, coOwners: string[] = [], unit = SAI_GON): Envelope {
  return envelopeOf(taskAssigned, taskId, 2, { taskId, unit, leadOwner, coOwners, deadline: "2026-04-15", by }, unit);
}

/** The Sài Gòn ward's people, registered in the directory with e-mail addresses. */
export function saiGonStaff(): Envelope[] {
  return [
    registered(people.saiGonAdmin, "lan@mttq.hcm.vn"),
    registered(people.saiGonOfficer, "minh@mttq.hcm.vn"),
    registered(people.saiGonOfficer2, "hong@mttq.hcm.vn"),
  ];
}

export async function publishAll(bus: EventBus, envelopes: readonly Envelope[]): Promise<void> {
  for (const envelope of envelopes) await bus.publish(envelope);
}

/**
 * Registers the Sài Gòn staff and waits until the service knows them: directory and tasks events travel on
 * different streams, and in real use officials exist long before tasks are assigned to them.
 */
export async function registerStaff(
  bus: EventBus,
  app: { notifications: { count(recipient: string, unreadOnly: boolean): Promise<number> } },
): Promise<void> {
  await publishAll(bus, saiGonStaff());
  for (const person of [people.saiGonAdmin, people.saiGonOfficer, people.saiGonOfficer2]) {
    await expect.poll(() => app.notifications.count(person.sub, false)).toBeGreaterThan(0);
  }
}
