import { relative } from "node:path";
import { SUPERGRAPH_FILE, writeSupergraphFile } from "../supergraph-file";

const outcome = await writeSupergraphFile();
if (outcome.ok) {
  process.stdout.write(`wrote ${relative(process.cwd(), SUPERGRAPH_FILE)}\n`);
} else {
  process.stderr.write(`supergraph composition failed:\n${outcome.errors.map((error) => `  - ${error}`).join("\n")}\n`);
  process.exitCode = 1;
}
