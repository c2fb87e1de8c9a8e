import { authJwksUrl, authSecret, host, logLevel, nodeEnv, port, requireAuthInProduction } from "@lienthong/config/common";
import { integer } from "@lienthong/config/fields";
import { z } from "zod";
import type { SubgraphEndpoint } from "./fetch-sdl";
import { SUBGRAPHS } from "./subgraphs";

const subgraphName = /^[a-z][a-z0-9-]*$/;

/** `name=url,name=url` → subgraph endpoints; every malformed entry is reported. */
export const subgraphListSchema = z.string().transform((value, ctx): SubgraphEndpoint[] => {
  const entries = value
    .split(",")
    .map((entry) => entry.trim())
    .filter((entry) => entry.length > 0);
  if (entries.length === 0) ctx.addIssue({ code: "custom", message: "lists no subgraph; expected name=url[,name=url…]" });
  const endpoints: SubgraphEndpoint[] = [];
  for (const entry of entries) {
    const separator = entry.indexOf("=");
    const name = entry.slice(0, separator);
    const url = entry.slice(separator + 1);
    if (separator < 1 || !subgraphName.test(name)) {
      ctx.addIssue({
        code: "custom",
        message: `"${entry}" must read name=url with a lower-case name, e.g. directory=http://127.0.0.1:4001/graphql`,
      });
    } else if (!z.url({ protocol: /^https?$/ }).safeParse(url).success) {
      ctx.addIssue({ code: "custom", message: `"${name}" has "${url}", which is not an http(s) URL` });
    } else if (endpoints.some((endpoint) => endpoint.name === name)) {
      ctx.addIssue({ code: "custom", message: `"${name}" is listed more than once` });
    } else {
      endpoints.push({ name, url });
    }
  }
  return endpoints;
});

export const DEFAULT_SUBGRAPHS = SUBGRAPHS.map((subgraph) => `${subgraph.name}=${subgraph.defaultUrl}`).join(",");

/** Environment of apps/gateway (parse it with loadConfig from @lienthong/config/parse-config). */
export const gatewayEnvSchema = requireAuthInProduction(
  z.object({
    PORT: port(4000),
    HOST: host,
    SUBGRAPHS: subgraphListSchema.default(subgraphListSchema.parse(DEFAULT_SUBGRAPHS)),
    AUTH_SECRET: authSecret,
    AUTH_JWKS_URL: authJwksUrl,
    LOG_LEVEL: logLevel,
    NODE_ENV: nodeEnv,
    /** How long SIGTERM waits for in-flight requests before the process exits anyway. */
    SHUTDOWN_TIMEOUT_MS: integer({ min: 1, max: 600_000 }).default(10_000),
  }),
);

export type GatewayConfig = z.output<typeof gatewayEnvSchema>;
