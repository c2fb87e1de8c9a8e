import { readFileSync } from "node:fs";
import { expect, it } from "vitest";
import { printNotificationsSdl, SCHEMA_FILE } from "../src/schema-file";

it("has its checked-in schema.graphql up to date (run `pnpm --filter @lienthong/notifications print-schema`)", async () => {
  expect(readFileSync(SCHEMA_FILE, "utf8")).toBe(await printNotificationsSdl());
});
