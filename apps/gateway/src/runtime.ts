import { createGatewayRuntime, type GatewayPlugin, type GatewayRuntime } from "@graphql-hive/gateway-runtime";
import http from "@graphql-mesh/transport-http";
import { useCSRFPrevention } from "@graphql-yoga/plugin-csrf-prevention";
import { maskError } from "graphql-yoga";
import type { Logger } from "pino";
import { useAuthorizationCheck, type VerifyToken } from "./authorization";
import { CORRELATION_HEADER } from "@lienthong/subgraph/correlation";
import { UNEXPECTED_ERROR_MESSAGE } from "@lienthong/subgraph/error-masking";
import { currentCorrelationId } from "./correlation-scope";
import { limitPlugins, type GatewayLimits } from "./limits";
import type { GatewayMetrics } from "./gateway-metrics";
import { renderOfflineGraphiQL } from "@lienthong/subgraph/graphiql";
import { useVietnameseMessages } from "./vietnamese-errors";

/** What a developer sees first in GraphiQL: a query that works without a token. */
const DEFAULT_QUERY = `# Liên Thông — thử truy vấn GraphQL tại đây (Ctrl+Enter để chạy).
# Dữ liệu đơn vị là công khai; các truy vấn khác cần tiêu đề Authorization: Bearer <token> (xem tab Headers).
{
  unit(code: "26740") {
    code
    fullName
    type
    formerDistricts
  }
}
`;

export const GRAPHQL_PATH = "/graphql";
/** Browsers cannot send a custom header cross-site without a CORS preflight, which is what CSRF prevention relies on. */
export const CSRF_HEADER = "x-graphql-csrf";

export interface RuntimeOptions {
  supergraphSdl: string;
  development: boolean;
  limits: GatewayLimits;
  verify?: VerifyToken;
  metrics: GatewayMetrics;
  log: Logger;
}

/** The Hive gateway runtime serving one composed supergraph at GRAPHQL_PATH, with Liên Thông's policies. */
export function createRuntime(options: RuntimeOptions): GatewayRuntime {
  const { development, log, metrics } = options;
  const logRejectedToken = (reason: unknown) =>
    log.info({ correlationid: currentCorrelationId(), reason: describe(reason) }, "token rejected");
  // Order matters: CSRF and token checks run before any parsing or validation work.
  const plugins = [
    useCSRFPrevention({ requestHeaders: [CSRF_HEADER] }),
    ...(options.verify ? [useAuthorizationCheck(options.verify, logRejectedToken)] : []),
    ...limitPlugins(options.limits),
    countUpstreamErrors(metrics, log),
    useVietnameseMessages(),
  ];

  return createGatewayRuntime({
    supergraph: options.supergraphSdl,
    transports: { http },
    graphqlEndpoint: GRAPHQL_PATH,
    // The runtime's own logger writes plain text to the console; this gateway logs JSON through pino instead.
    logging: false,
    landingPage: false,
    graphiql: development ? { title: "Liên Thông — GraphiQL", defaultQuery: DEFAULT_QUERY } : false,
    renderGraphiQL: renderOfflineGraphiQL,
    ...(development ? {} : { disableIntrospection: {} }),
    requestId: false,
    propagateHeaders: {
      fromClientToSubgraphs: ({ request }) => ({
        authorization: request.headers.get("authorization"),
        [CORRELATION_HEADER]: request.headers.get(CORRELATION_HEADER) ?? currentCorrelationId(),
      }),
    },
    maskedErrors: {
      isDev: development,
      maskError(error, _message, isDev) {
        const masked = maskError(error, UNEXPECTED_ERROR_MESSAGE, isDev);
        if (masked !== error) log.error({ err: error, correlationid: currentCorrelationId() }, "unexpected error (masked for the client)");
        return masked;
      },
    },
    plugins: () => plugins,
  });
}

function countUpstreamErrors(metrics: GatewayMetrics, log: Logger): GatewayPlugin {
  return {
    onSubgraphExecute({ subgraphName }) {
      return ({ result }) => {
        if (Symbol.asyncIterator in result || !result.errors?.length) return;
        metrics.countUpstreamError(subgraphName);
        log.warn(
          { subgraph: subgraphName, correlationid: currentCorrelationId(), errors: result.errors.map((e) => e.message) },
          "subgraph answered with errors",
        );
      };
    },
  };
}

function describe(reason: unknown): string {
  return reason instanceof Error ? reason.message : String(reason);
}
