import { composeServices } from "@theguild/federation-composition";
import { parse } from "graphql";

export interface SubgraphSdl {
  name: string;
  url: string;
  sdl: string;
}

export type CompositionOutcome = { ok: true; supergraphSdl: string } | { ok: false; errors: string[] };

/**
 * Composes subgraph SDLs into a federation supergraph. Subgraphs are sorted by name first, so the
 * same set of subgraphs always yields byte-identical output whatever order they were listed in.
 */
export function composeSupergraph(subgraphs: SubgraphSdl[]): CompositionOutcome {
  if (subgraphs.length === 0) return { ok: false, errors: ["no subgraphs to compose"] };
  const sorted = [...subgraphs].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const duplicates = sorted.filter((s, i) => i > 0 && sorted[i - 1]?.name === s.name).map((s) => s.name);
  if (duplicates.length > 0) {
    return { ok: false, errors: [...new Set(duplicates)].map((name) => `subgraph "${name}" is listed more than once`) };
  }

  const services = [];
  const parseErrors: string[] = [];
  for (const subgraph of sorted) {
    try {
      services.push({ name: subgraph.name, url: subgraph.url, typeDefs: parse(subgraph.sdl) });
    } catch (error) {
      parseErrors.push(`subgraph "${subgraph.name}": ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  if (parseErrors.length > 0) return { ok: false, errors: parseErrors };

  const result = composeServices(services);
  if (result.errors) return { ok: false, errors: result.errors.map((error) => error.message) };
  return { ok: true, supergraphSdl: result.supergraphSdl.endsWith("\n") ? result.supergraphSdl : `${result.supergraphSdl}\n` };
}
