import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { composeSupergraph, type CompositionOutcome, type SubgraphSdl } from "./compose";
import { SUBGRAPHS, type KnownSubgraph } from "./subgraphs";

/** The repository's apps/ folder, found from this file so that the command works from any directory. */
export const APPS_DIR = fileURLToPath(new URL("../../", import.meta.url));
export const SUPERGRAPH_FILE = join(APPS_DIR, "gateway", "supergraph.graphql");
export const COMPOSE_COMMAND = "pnpm --filter @lienthong/gateway compose";

/** Composes the checked-in `apps/<name>/schema.graphql` of every listed subgraph. */
export async function composeCheckedInSchemas(
  subgraphs: readonly KnownSubgraph[] = SUBGRAPHS,
  appsDir = APPS_DIR,
): Promise<CompositionOutcome> {
  const sdls: SubgraphSdl[] = [];
  const missing: string[] = [];
  for (const subgraph of subgraphs) {
    const relativePath = `apps/${subgraph.name}/schema.graphql`;
    try {
      sdls.push({
        name: subgraph.name,
        url: subgraph.defaultUrl,
        sdl: await readFile(join(appsDir, subgraph.name, "schema.graphql"), "utf8"),
      });
    } catch {
      missing.push(
        `${relativePath} is missing: the ${subgraph.name} subgraph (listed in apps/gateway/src/subgraphs.ts) must check in its printed SDL there`,
      );
    }
  }
  return missing.length > 0 ? { ok: false, errors: missing } : composeSupergraph(sdls);
}

/** Writes apps/gateway/supergraph.graphql when composition succeeds. */
export async function writeSupergraphFile(
  subgraphs: readonly KnownSubgraph[] = SUBGRAPHS,
  appsDir = APPS_DIR,
): Promise<CompositionOutcome> {
  const outcome = await composeCheckedInSchemas(subgraphs, appsDir);
  if (outcome.ok) await writeFile(join(appsDir, "gateway", "supergraph.graphql"), outcome.supergraphSdl);
  return outcome;
}

/** Every reason the checked-in supergraph cannot be trusted; empty when it is current. */
export async function supergraphFileProblems(subgraphs: readonly KnownSubgraph[] = SUBGRAPHS, appsDir = APPS_DIR): Promise<string[]> {
  const outcome = await composeCheckedInSchemas(subgraphs, appsDir);
  if (!outcome.ok) return outcome.errors.map((error) => `cannot compose the supergraph: ${error}`);
  const checkedIn = await readFile(join(appsDir, "gateway", "supergraph.graphql"), "utf8").catch(() => undefined);
  if (checkedIn === undefined) return [`apps/gateway/supergraph.graphql is missing: run ${COMPOSE_COMMAND}`];
  if (checkedIn !== outcome.supergraphSdl)
    return [`apps/gateway/supergraph.graphql is stale: run ${COMPOSE_COMMAND} and commit the result`];
  return [];
}
