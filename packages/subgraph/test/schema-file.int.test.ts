import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { tempDir } from "@lienthong/testing/temp-dir";
import { expect, it, onTestFinished } from "vitest";
import { printSubgraphSdl } from "../src/print-schema";
import { schemaFile } from "../src/schema-file";
import { createSampleSchema } from "./sample-schema";

it("writes the SDL of an app built over throw-away adapters, and reads back what it wrote", async () => {
  const dir = tempDir("subgraph-schema-file-");
  onTestFinished(dir.remove);
  const file = schemaFile({
    name: "sample",
    url: pathToFileURL(join(dir.path, "schema.graphql")),
    build: async () => ({ schema: createSampleSchema() }),
  });

  await file.write();
  expect(file.read()).toBe(printSubgraphSdl(createSampleSchema()));
  expect(file.read()).toBe(await file.print());
});
