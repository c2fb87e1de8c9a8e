import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { printDirectorySdl, SCHEMA_FILE } from "../schema-file";

writeFileSync(SCHEMA_FILE, await printDirectorySdl());
console.log(`wrote ${fileURLToPath(SCHEMA_FILE)}`);
