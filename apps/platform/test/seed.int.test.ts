import { describe, expect, it, onTestFinished } from "vitest";
import { openEmbeddedStore } from "@lienthong/store/embedded";
import { tempDir } from "@lienthong/testing/temp-dir";
import { DEMO_OFFICIALS } from "../src/demo-people";
import { seedDemoCityAdmin, seedDemoOfficials, type AdminGraphql } from "../src/seed";

/** Stands in for the platform's own GraphQL API (not a database): remembers who was registered. */
function directoryApi(alreadyThere: { id: string; email: string; unit: string }[]) {
  const registered = [...alreadyThere];
  const calls: string[] = [];
  const inputs: Record<string, unknown>[] = [];
  const graphql: AdminGraphql = async (query, variables) => {
    if (query.includes("registerOfficial")) {
      const input = variables.input as { email: string; unit: string };
      inputs.push(variables.input as Record<string, unknown>);
      const id = `o-${registered.length + 1}`;
      registered.push({ id, email: input.email, unit: input.unit });
      calls.push(`register ${input.email}`);
      return { data: { registerOfficial: { __typename: "RegisterOfficialSuccess", official: { id } } } };
    }
    const edges = registered.filter((official) => official.unit === variables.unit).map(({ id, email }) => ({ node: { id, email } }));
    return { data: { officials: { edges } } };
  };
  return { graphql, calls, registered, inputs };
}

describe("seeding the demo officials", () => {
  it("registers each demo official once, and after a crash between registering and the roster entry finds them instead of registering again", async () => {
    const dir = tempDir("seed-");
    onTestFinished(dir.remove);
    const store = await openEmbeddedStore({ dir: dir.path });
    onTestFinished(() => store.close());
    const first = DEMO_OFFICIALS[0]!;
    // The previous start registered the first official and died before writing its roster entry.
    const api = directoryApi([{ id: "o-survivor", email: first.email, unit: first.unit }]);

    const seeded = await seedDemoOfficials(store.db("platform"), api.graphql);
    expect(seeded[0]?.principal.sub).toBe("o-survivor");
    expect(api.calls).not.toContain(`register ${first.email}`);
    expect(api.calls).toHaveLength(DEMO_OFFICIALS.length - 1);

    const again = await seedDemoOfficials(store.db("platform"), api.graphql);
    expect(again.map((official) => official.principal.sub)).toEqual(seeded.map((official) => official.principal.sub));
    expect(api.calls).toHaveLength(DEMO_OFFICIALS.length - 1);
  });

  it("registers the demo city admin as an official of the city committee, once, with the roles spelled as in tokens", async () => {
    const dir = tempDir("seed-");
    onTestFinished(dir.remove);
    const store = await openEmbeddedStore({ dir: dir.path });
    onTestFinished(() => store.close());
    const api = directoryApi([]);

    const cityAdmin = await seedDemoCityAdmin(store.db("platform"), api.graphql);
    expect(api.inputs).toEqual([expect.objectContaining({ unit: "*", roles: ["city_admin"] })]);
    expect(cityAdmin.principal).toEqual({ sub: "o-1", name: cityAdmin.fullName, roles: ["city_admin"], units: ["*"] });
    await seedDemoOfficials(store.db("platform"), api.graphql);
    expect(api.inputs.slice(1).map((input) => input.roles)).toContainEqual(["unit_admin"]);
    expect((await seedDemoCityAdmin(store.db("platform"), api.graphql)).principal.sub).toBe("o-1");
    expect(api.inputs).toHaveLength(1 + DEMO_OFFICIALS.length);
  });
});
