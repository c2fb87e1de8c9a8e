import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { printNotificationsSdl, SCHEMA_FILE } from "../schema-file";

writeFileSync(SCHEMA_FILE, await printNotificationsSdl());
console.log(`wrote ${fileURLToPath(SCHEMA_FILE)}`);
