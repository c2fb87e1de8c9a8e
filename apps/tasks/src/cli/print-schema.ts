import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { printTasksSdl, SCHEMA_FILE } from "../schema-file";

writeFileSync(SCHEMA_FILE, await printTasksSdl());
console.log(`wrote ${fileURLToPath(SCHEMA_FILE)}`);
