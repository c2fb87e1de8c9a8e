import { z } from "zod";
import type { Principal } from "@lienthong/auth/principal";
import type { Database } from "@lienthong/store/collection";
import { DEMO_CITY_ADMIN, DEMO_OFFICIALS, type DemoOfficial } from "./demo-people";

/** Calls the platform's own GraphQL API, as the city admin: the seed goes through the same write path as users. */
export type AdminGraphql = (
  query: string,
  variables: Record<string, unknown>,
) => Promise<{ data?: unknown; errors?: { message: string }[] }>;

const ROSTER = "demo_roster";
const SEEDED_SERVICES = "demo_seeded_services";

const rosterEntrySchema = z.object({ _id: z.string(), officialId: z.string() });

const REGISTER = `mutation($input: RegisterOfficialInput!) {
  registerOfficial(input: $input) { __typename ... on RegisterOfficialSuccess { official { id } } ... on Error { message } }
}`;

const registeredSchema = z.object({
  registerOfficial: z.union([
    z.object({ __typename: z.literal("RegisterOfficialSuccess"), official: z.object({ id: z.string() }) }),
    z.object({ __typename: z.string(), message: z.string() }),
  ]),
});

export interface SeededOfficial extends DemoOfficial {
  principal: Principal;
}

/** Registers the demo city admin (an official of the city committee) if not registered yet, as seedDemoOfficials does. */
export async function seedDemoCityAdmin(db: Database, graphql: AdminGraphql): Promise<SeededOfficial> {
  const [cityAdmin] = await seedDemoPeople(db, graphql, [DEMO_CITY_ADMIN]);
  return cityAdmin as SeededOfficial;
}

/**
 * Registers the demo officials of the wards that are not registered yet and returns all of them with the principal
 * their tokens carry. The roster (demo key → official id) is written after each registration; a start that crashed
 * between a registration and its roster entry finds the official by the demo e-mail instead of registering twice.
 */
export function seedDemoOfficials(db: Database, graphql: AdminGraphql): Promise<SeededOfficial[]> {
  return seedDemoPeople(db, graphql, DEMO_OFFICIALS);
}

async function seedDemoPeople(db: Database, graphql: AdminGraphql, people: readonly DemoOfficial[]): Promise<SeededOfficial[]> {
  const roster = db.collection<{ _id: string; officialId: string }>(ROSTER);
  const known = new Map(
    (await roster.find({}).toArray()).map((doc) => rosterEntrySchema.parse(doc)).map((doc) => [doc._id, doc.officialId]),
  );
  const seeded: SeededOfficial[] = [];
  for (const person of people) {
    let officialId = known.get(person.key);
    if (officialId === undefined) {
      officialId = (await alreadyRegistered(graphql, person)) ?? (await register(graphql, person));
      await roster.insertOne({ _id: person.key, officialId });
    }
    seeded.push({ ...person, principal: { sub: officialId, name: person.fullName, roles: person.roles, units: [person.unit] } });
  }
  return seeded;
}

const FIND = `query($unit: ID!, $search: String!) { officials(unit: $unit, search: $search, first: 100) { edges { node { id email } } } }`;
const foundSchema = z.object({
  officials: z.object({ edges: z.array(z.object({ node: z.object({ id: z.string(), email: z.string().nullable() }) })) }),
});

async function alreadyRegistered(graphql: AdminGraphql, person: DemoOfficial): Promise<string | undefined> {
  const response = await graphql(FIND, { unit: person.unit, search: person.fullName });
  if (response.errors?.length) throw new Error(`seeding ${person.key} failed: ${response.errors.map((error) => error.message).join("; ")}`);
  return foundSchema.parse(response.data).officials.edges.find((edge) => edge.node.email === person.email)?.node.id;
}

async function register(graphql: AdminGraphql, person: DemoOfficial): Promise<string> {
  const input = {
    fullName: person.fullName,
    position: person.position,
    unit: person.unit,
    roles: person.roles,
    email: person.email,
  };
  const response = await graphql(REGISTER, { input });
  if (response.errors?.length) throw new Error(`seeding ${person.key} failed: ${response.errors.map((error) => error.message).join("; ")}`);
  const result = registeredSchema.parse(response.data).registerOfficial;
  if (!("official" in result)) throw new Error(`seeding ${person.key} failed: ${result.message}`);
  return result.official.id;
}

/**
 * Runs a service's demo seed on the first start only. The mark is written after the seed finished: a start that
 * crashed in the middle of seeding seeds again (demo data only, duplicates are harmless there).
 */
export async function seedOnce(db: Database, service: string, seed: () => Promise<unknown>): Promise<void> {
  const seeded = db.collection<{ _id: string; at: Date }>(SEEDED_SERVICES);
  if (await seeded.findOne({ _id: service })) return;
  await seed();
  await seeded.insertOne({ _id: service, at: new Date() });
}
