import { costLimitPlugin } from "@escape.tech/graphql-armor-cost-limit";
import { maxAliasesPlugin } from "@escape.tech/graphql-armor-max-aliases";
import { maxDepthPlugin } from "@escape.tech/graphql-armor-max-depth";
import { maxTokensPlugin } from "@escape.tech/graphql-armor-max-tokens";
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

/** Validation plugins that refuse oversized operations before anything reaches a subgraph. */
export function limitPlugins(limits: GatewayLimits) {
  return [
    maxTokensPlugin({ n: limits.maxTokens, exposeLimits: true }),
    maxDepthPlugin({ n: limits.maxDepth, exposeLimits: true, ignoreIntrospection: true }),
    maxAliasesPlugin({ n: limits.maxAliases, exposeLimits: true, allowList: [] }),
    costLimitPlugin({ maxCost: limits.maxCost, exposeLimits: true, ignoreIntrospection: true }),
  ];
}
