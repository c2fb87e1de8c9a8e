import { distinct, type OfficialFacts, type RecipientLookup } from "./rule";

/** The city committee in unit scopes: city programmes' tasks and inspection follow-ups are assigned by it. */
export const CITY = "*";

const ids = (officials: readonly OfficialFacts[]) => officials.map((official) => official.id);

/**
 * Every active official of a unit. For the city committee: its own officials (registered with unit `*`) and every
 * `city_admin`, whatever unit they were registered in.
 */
export async function staffOf(unit: string, lookup: RecipientLookup): Promise<string[]> {
  if (unit !== CITY) return distinct(ids(await lookup.officialsOf(unit)));
  return distinct([...ids(await lookup.officialsOf(CITY)), ...ids(await lookup.officialsWithRole("city_admin"))]);
}

/** Who decides on what a unit assigned (confirms, returns, extends): its `unit_admin`s; for the city committee, the `city_admin`s. */
export async function managersOf(unit: string, lookup: RecipientLookup): Promise<string[]> {
  return distinct(ids(unit === CITY ? await lookup.officialsWithRole("city_admin") : await lookup.officialsOf(unit, "unit_admin")));
}

/** The task's lead owner ("chủ trì"), when the task is known and has one. */
export async function leadOwnerOf(taskId: string, lookup: RecipientLookup): Promise<string[]> {
  return distinct([(await lookup.task(taskId))?.leadOwner]);
}

/** The task's lead owner and co-owners ("phối hợp"). */
export async function ownersOf(taskId: string, lookup: RecipientLookup): Promise<string[]> {
  const task = await lookup.task(taskId);
  return task === null ? [] : distinct([task.leadOwner, ...task.coOwners]);
}

/** The lead owner and the executing unit's `unit_admin`s. */
export async function leadOwnerAndUnitAdmins(leadOwner: string, unit: string, lookup: RecipientLookup): Promise<string[]> {
  return distinct([leadOwner, ...ids(await lookup.officialsOf(unit, "unit_admin"))]);
}
