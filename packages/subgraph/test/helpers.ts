import { DEV_AUTH_SECRET, signDevToken } from "@lienthong/auth/dev-token";
import type { Principal } from "@lienthong/auth/principal";
import { createVerifier } from "@lienthong/auth/verify";
import { pino, type Logger } from "pino";
import { createSubgraph, type SubgraphOptions } from "../src/create-subgraph";
import { createSampleSchema, type SampleOptions } from "./sample-schema";

export const wardAdmin: Principal = { sub: "official-1", name: "Nguyễn Văn A", roles: ["unit_admin"], units: ["26734"] };
export const wardOfficer: Principal = { sub: "official-2", name: "Trần Thị B", roles: ["unit_officer"], units: ["26734"] };
export const cityAdmin: Principal = { sub: "official-3", name: "Lê Văn C", roles: ["city_admin"], units: ["*"] };

export const tokenFor = (principal: Principal) => signDevToken(principal, DEV_AUTH_SECRET);

export interface CapturedLog {
  log: Logger;
  lines: Record<string, unknown>[];
}

/** A pino logger whose JSON lines the test can read. */
export function captureLog(): CapturedLog {
  const lines: Record<string, unknown>[] = [];
  const log = pino({ level: "debug" }, { write: (line: string) => void lines.push(JSON.parse(line) as Record<string, unknown>) });
  return { log, lines };
}

export function sampleSubgraph(options: Partial<SubgraphOptions> & { sample?: SampleOptions } = {}) {
  const captured = captureLog();
  const subgraph = createSubgraph({
    name: "sample",
    schema: createSampleSchema(options.sample),
    verifier: createVerifier({ secret: DEV_AUTH_SECRET }),
    log: captured.log,
    ...options,
  });
  return { ...subgraph, logLines: captured.lines };
}

export interface GraphQLResponse {
  status: number;
  headers: Headers;
  body: {
    data?: Record<string, unknown> | null;
    errors?: { message: string; path?: string[]; extensions?: Record<string, unknown> }[];
  };
}

export interface GraphQLRequest {
  query: string;
  variables?: Record<string, unknown>;
  token?: string;
  headers?: Record<string, string>;
}

export function graphqlRequest({ query, variables, token, headers = {} }: GraphQLRequest): RequestInit {
  return {
    method: "POST",
    headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
    body: JSON.stringify({ query, variables }),
  };
}

export async function readGraphQL(response: Response): Promise<GraphQLResponse> {
  return { status: response.status, headers: response.headers, body: (await response.json()) as GraphQLResponse["body"] };
}
