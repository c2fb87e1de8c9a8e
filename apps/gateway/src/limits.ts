import { costLimitPlugin } from "@escape.tech/graphql-armor-cost-limit";
import { maxAliasesPlugin } from "@escape.tech/graphql-armor-max-aliases";
import { maxDepthPlugin } from "@escape.tech/graphql-armor-max-depth";
import { maxTokensPlugin } from "@escape.tech/graphql-armor-max-tokens";
import type { GraphQLError } from "graphql";
import { graphQLError } from "@lienthong/subgraph/graphql-errors";
import { z } from "zod";

export const gatewayLimitsSchema = z.object({
  /** Deepest field nesting an operation may have (relay connections cost three levels: edges → node → field). */
  maxDepth: z.number().int().positive(),
  maxAliases: z.number().int().nonnegative(),
  /** Lexical tokens in a document; bounds parser work before any validation runs. */
  maxTokens: z.number().int().positive(),
  /** graphql-armor cost: objects 2, scalars 1, multiplied by 1.5 per level of depth. */
  maxCost: z.number().int().positive(),
});

export type GatewayLimits = z.infer<typeof gatewayLimitsSchema>;

export const DEFAULT_LIMITS: GatewayLimits = Object.freeze({ maxDepth: 12, maxAliases: 30, maxTokens: 3_000, maxCost: 5_000 });

type LimitName = keyof GatewayLimits;

/** What a caller reads when an operation is refused (Vietnamese); `found` is absent where the plugin stops counting at the limit. */
const REFUSALS: Record<LimitName, (max: number, found: string | undefined) => string> = {
  maxDepth: (max, found) => `Truy vấn lồng quá sâu: tối đa ${max} cấp${found ? `, truy vấn này có ${found} cấp` : ""}.`,
  maxAliases: (max, found) => `Truy vấn dùng quá nhiều bí danh (alias): tối đa ${max}${found ? `, truy vấn này có ${found}` : ""}.`,
  maxTokens: (max) => `Truy vấn quá dài: tối đa ${max} ký hiệu (token).`,
  maxCost: (max, found) => `Truy vấn quá tốn kém: chi phí tối đa ${max}${found ? `, truy vấn này tốn ${found}` : ""}.`,
};

/**
 * graphql-armor words its refusals in English ("Syntax Error: Query depth limit of 12 exceeded, found 21.") and
 * gives most of them no code: each is replaced by a Vietnamese message with a stable code and the numbers.
 * The token limit stops the parser, so it keeps the parse-failure code it always had.
 */
function refuse(limit: LimitName, max: number) {
  return (_context: unknown, error: GraphQLError): never => {
    const found = /found (\d+(?:\.\d+)?)/.exec(error.message)?.[1];
    throw graphQLError(REFUSALS[limit](max, found), {
      extensions: {
        code: limit === "maxTokens" ? "GRAPHQL_PARSE_FAILED" : "GRAPHQL_VALIDATION_FAILED",
        limit,
        max,
        ...(found ? { found: Number(found) } : {}),
      },
    });
  };
}

/** Validation plugins that refuse oversized operations before anything reaches a subgraph. */
export function limitPlugins(limits: GatewayLimits) {
  const reject = (limit: LimitName) => ({ exposeLimits: true, propagateOnRejection: false, onReject: [refuse(limit, limits[limit])] });
  return [
    maxTokensPlugin({ n: limits.maxTokens, ...reject("maxTokens") }),
    maxDepthPlugin({ n: limits.maxDepth, ignoreIntrospection: true, ...reject("maxDepth") }),
    maxAliasesPlugin({ n: limits.maxAliases, allowList: [], ...reject("maxAliases") }),
    costLimitPlugin({ maxCost: limits.maxCost, ignoreIntrospection: true, ...reject("maxCost") }),
  ];
}
