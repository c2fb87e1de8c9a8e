import { expect, it } from "vitest";
import { SCHEMA } from "../src/schema-file";

it("has its checked-in schema.graphql up to date (run `pnpm --filter @lienthong/directory print-schema`)", async () => {
  expect(SCHEMA.read()).toBe(await SCHEMA.print());
});
