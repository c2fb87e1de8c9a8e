import { afterAll, beforeAll, describe, it } from "vitest";
import { openEmbeddedStore, type EmbeddedStore } from "@lienthong/store/embedded";
import { expectConvergence } from "@lienthong/store/test-support/read-model-convergence";
import { tempDir, type TempDir } from "@lienthong/testing/temp-dir";
import { createOfficialReadModel } from "../src/read-models/official-read-model";
import { deactivated, registered, updated } from "./support/directory-events";

let dir: TempDir;
let store: EmbeddedStore;
let databases = 0;

beforeAll(async () => {
  dir = tempDir("tasks-convergence-");
  store = await openEmbeddedStore({ dir: dir.path, fsync: "never" });
});

afterAll(async () => {
  await store.close();
  await dir.remove();
});

describe("the officials read model converges whatever the order, duplicates and late arrivals of directory's events", () => {
  it("registered, renamed, moved, then deactivated ends deactivated in the new unit under the new name", async () => {
    const official = { id: "o-an", fullName: "Nguyễn Văn An", unit: "26740" };
    await expectConvergence({
      events: [
        registered(official),
        updated("o-an", 2, { fullName: "Nguyễn Văn Bình" }),
        updated("o-an", 3, { unit: "27592" }),
        deactivated({ id: "o-an", unit: "27592" }, 4),
      ],
      expected: [["o-an", { id: "o-an", fullName: "Nguyễn Văn Bình", unit: "27592", active: false }]],
      async fresh() {
        const officials = createOfficialReadModel(store.db(`convergence_${++databases}`));
        return { apply: (event) => officials.apply(event), view: async () => [...(await officials.byIds(["o-an"]))] };
      },
    });
  });
});
