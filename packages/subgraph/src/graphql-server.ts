import { AuthenticationError, principalFromAuthorization, type Verifier } from "@lienthong/auth/verify";
import type { GraphQLSchema } from "graphql";
import { createYoga, type YogaLogger } from "graphql-yoga";
import type { Logger } from "pino";
import type { RequestContext } from "./context";
import { CORRELATION_HEADER, correlationIdFrom } from "./correlation";
import { graphQLError } from "./graphql-errors";
import { maskOutsideExecution, UNEXPECTED_ERROR_MESSAGE, useContextualErrorMasking } from "./error-masking";
import { renderOfflineGraphiQL } from "./graphiql";

export const GRAPHQL_PATH = "/graphql";

/** Set by the Hono route; the Node listener path carries the id in the (already normalised) request header. */
export interface GraphQLServerContext {
  correlationId?: string;
}

export interface GraphQLServerOptions {
  schema: GraphQLSchema;
  verifier: Verifier;
  log: Logger;
  graphiql: boolean;
}

export function createGraphQLServer({ schema, verifier, log, graphiql }: GraphQLServerOptions) {
  return createYoga<GraphQLServerContext, RequestContext>({
    schema,
    graphqlEndpoint: GRAPHQL_PATH,
    graphiql,
    renderGraphiQL: renderOfflineGraphiQL,
    landingPage: false,
    // Subgraphs are reached through the gateway (or by service-to-service calls), never by browsers directly.
    cors: false,
    logging: yogaLogger(log),
    maskedErrors: { errorMessage: UNEXPECTED_ERROR_MESSAGE, maskError: maskOutsideExecution },
    plugins: [useContextualErrorMasking()],
    context: async ({ request, correlationId }): Promise<RequestContext> => {
      const id = correlationId ?? correlationIdFrom(request.headers.get(CORRELATION_HEADER));
      const requestLog = log.child({ correlationid: id });
      return {
        principal: await authenticate(request.headers.get("authorization"), verifier, requestLog),
        correlationId: id,
        log: requestLog,
      };
    },
  });
}

export type GraphQLServer = ReturnType<typeof createGraphQLServer>;

async function authenticate(header: string | null, verifier: Verifier, log: Logger) {
  try {
    return await principalFromAuthorization(header ?? undefined, verifier);
  } catch (error) {
    if (error instanceof AuthenticationError) {
      throw graphQLError(error.message, { extensions: { code: "UNAUTHENTICATED", reason: error.reason, http: { status: 401 } } });
    }
    // The key set could not be fetched, or similar: not the caller's fault, and not for the caller to read.
    log.error({ err: error }, "could not verify the bearer token");
    throw graphQLError(UNEXPECTED_ERROR_MESSAGE, { extensions: { code: "INTERNAL_SERVER_ERROR", http: { status: 500 } } });
  }
}

function yogaLogger(log: Logger): YogaLogger {
  const write =
    (level: "debug" | "info" | "warn" | "error") =>
    (...args: unknown[]) => {
      // yoga logs at debug several times per request: build nothing unless the level is on.
      if (!log.isLevelEnabled(level)) return;
      const [first, ...rest] = args;
      if (first instanceof Error) log[level]({ err: first }, rest.length ? rest.map(String).join(" ") : first.message);
      else log[level](args.map((arg) => (typeof arg === "string" ? arg : JSON.stringify(arg))).join(" "));
    };
  return { debug: write("debug"), info: write("info"), warn: write("warn"), error: write("error") };
}
