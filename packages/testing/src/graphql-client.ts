import type { GraphQLFormattedError } from "graphql";
import { z } from "zod";

/** A URL, or a fetch-style handler such as Hono's `app.request` or yoga's `fetch` (no network involved). */
export type GraphqlEndpoint = string | ((request: Request) => Response | Promise<Response>);

export interface GraphqlClientOptions {
  /** Sent as `Authorization: Bearer <token>`. */
  token?: string;
  headers?: Record<string, string>;
  /** Runs on every parsed response before it is returned, e.g. `assertNoEnglish` from ./vietnamese. */
  check?: (response: { data?: unknown; errors?: readonly unknown[] }) => void;
}

export interface GraphqlResult<Data> {
  data?: Data | null;
  errors?: readonly GraphQLFormattedError[];
  extensions?: Record<string, unknown>;
  status: number;
  headers: Headers;
}

export interface GraphqlClient {
  /** Per-request options are merged over the client's (e.g. another principal's token). */
  request<Data = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    options?: GraphqlClientOptions,
  ): Promise<GraphqlResult<Data>>;
}

const IN_PROCESS_URL = "http://in-process.test/graphql";

const responseSchema = z.object({
  data: z.record(z.string(), z.unknown()).nullable().optional(),
  errors: z
    .array(
      z.looseObject({
        message: z.string(),
        path: z.array(z.union([z.string(), z.number()])).optional(),
        extensions: z.record(z.string(), z.unknown()).optional(),
      }),
    )
    .optional(),
  extensions: z.record(z.string(), z.unknown()).optional(),
});

/** A small GraphQL-over-HTTP client for tests: POSTs JSON and returns the parsed response with its status. */
export function graphqlClient(endpoint: GraphqlEndpoint, options: GraphqlClientOptions = {}): GraphqlClient {
  return {
    async request<Data>(query: string, variables?: Record<string, unknown>, perRequest: GraphqlClientOptions = {}) {
      const token = perRequest.token ?? options.token;
      const request = new Request(typeof endpoint === "string" ? endpoint : IN_PROCESS_URL, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          accept: "application/graphql-response+json, application/json",
          ...(token === undefined ? {} : { authorization: `Bearer ${token}` }),
          ...options.headers,
          ...perRequest.headers,
        },
        body: JSON.stringify(variables === undefined ? { query } : { query, variables }),
      });
      const response = typeof endpoint === "string" ? await fetch(request) : await endpoint(request);
      const text = await response.text();
      const parsed = responseSchema.safeParse(parseJson(text));
      if (!parsed.success) {
        throw new Error(`GraphQL endpoint answered ${response.status} with a body that is not a GraphQL response: ${text.slice(0, 300)}`);
      }
      const { data, errors, extensions } = parsed.data;
      (perRequest.check ?? options.check)?.(parsed.data);
      return {
        status: response.status,
        headers: response.headers,
        ...(data === undefined ? {} : { data: data as Data | null }),
        ...(errors === undefined ? {} : { errors: errors as GraphQLFormattedError[] }),
        ...(extensions === undefined ? {} : { extensions }),
      };
    },
  };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
