import { describe, expect, it, onTestFinished } from "vitest";
import { openEmbeddedStore } from "@lienthong/store/embedded";
import { tempDir } from "@lienthong/testing/temp-dir";
import { DEMO_OFFICIALS } from "../src/demo-people";
import { seedDemoOfficials, type AdminGraphql } from "../src/seed";

/** Stands in for the platform's own GraphQL API (not a database): remembers who was registered. */
function directoryApi(alreadyThere: { id: string; email: string; unit: string }[]) {
  const registered = [...alreadyThere];
  const calls: string[] = [];
  const graphql: AdminGraphql = async (query, variables) => {
    if (query.includes("registerOfficial")) {
      const input = variables.input as { email: string; unit: string };
      const id = `o-${registered.length + 1}`;
      registered.push({ id, email: input.email, unit: input.unit });
      calls.push(`register ${input.email}`);
      return { data: { registerOfficial: { __typename: "RegisterOfficialSuccess", official: { id } } } };
    }
    const edges = registered.filter((official) => official.unit === variables.unit).map(({ id, email }) => ({ node: { id, email } }));
    return { data: { officials: { edges } } };
  };
  return { graphql, calls, registered };
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
});
