import { expect } from "vitest";
import type { Role } from "@lienthong/auth/principal";
import type { EventBus } from "@lienthong/bus/event-bus";
import { officialDeactivated, officialRegistered, officialUpdated } from "@lienthong/contracts/directory";
import { buildEnvelope } from "@lienthong/contracts/registry";
import type { Database } from "@lienthong/store/collection";
import type { TasksApp } from "../../src/app";
import type { OfficialFacts } from "../../src/officials/official";
import { createOfficialReadModel } from "../../src/read-models/official-read-model";

export interface TestOfficial {
  id: string;
  fullName: string;
  unit: string;
  roles?: Role[];
}

interface Service {
  bus: EventBus;
  app: TasksApp;
  store: { db(name: string): Database };
}

const context = { actor: "directory-test", correlationid: "directory-test" };
const at = new Date("2026-03-01T00:00:00.000Z");

/** Directory's announcement that `official` was registered, as directory's write path builds it (version 1). */
export const registered = (official: TestOfficial, version = 1) =>
  buildEnvelope(officialRegistered, {
    aggregateId: official.id,
    aggregateVersion: version,
    data: {
      officialId: official.id,
      fullName: official.fullName,
      position: "Cán bộ",
      unit: official.unit,
      roles: official.roles ?? ["unit_officer"],
    },
    time: at,
    context: { ...context, unit: official.unit },
  });

export const updated = (id: string, version: number, changes: { fullName?: string; unit?: string }) =>
  buildEnvelope(officialUpdated, { aggregateId: id, aggregateVersion: version, data: { officialId: id, changes }, time: at, context });

export const deactivated = (official: Pick<TestOfficial, "id" | "unit">, version: number) =>
  buildEnvelope(officialDeactivated, {
    aggregateId: official.id,
    aggregateVersion: version,
    data: { officialId: official.id, unit: official.unit, reason: "Nghỉ hưu" },
    time: at,
    context,
  });

/** Publishes directory's registration events on the service's bus and waits until the tasks service knows them all. */
export async function registerOfficials(service: Service, officials: readonly TestOfficial[]): Promise<void> {
  for (const official of officials) await service.bus.publish(registered(official));
  await service.app.officials.waitFor(
    officials.map((official) => official.id),
    5_000,
  );
}

/** What the tasks service's read model holds about `id` (null = not known), polled until it satisfies `expected`. */
export async function untilOfficial(service: Service, id: string, expected: Partial<OfficialFacts> | null): Promise<void> {
  const officials = createOfficialReadModel(service.store.db("tasks"));
  const read = async () => (await officials.byIds([id])).get(id) ?? null;
  if (expected === null) await expect.poll(read).toBeNull();
  else await expect.poll(read).toMatchObject(expected);
}
