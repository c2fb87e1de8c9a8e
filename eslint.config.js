import js from "@eslint/js";
import tseslint from "typescript-eslint";

const APPS = ["gateway", "directory", "tasks", "congresses", "campaigns", "social-cases", "elections", "notifications", "platform"];
const INFRASTRUCTURE = ["mongodb", "@nats-io/*", "hono", "hono/*", "@hono/*", "graphql", "graphql-yoga", "@pothos/*"];

export default tseslint.config(
  { ignores: ["**/node_modules/**", "**/.data/**", "**/dist/**", "**/.turbo/**"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "no-console": "error",
    },
  },
  {
    // Packages are libraries: they never reach into deployables (bench/ may: it measures them).
    files: ["packages/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: ["**/apps/**"], message: "packages must not import from apps/" },
            { group: APPS.map((app) => `@lienthong/${app}`), message: "packages must not import apps" },
          ],
        },
      ],
    },
  },
  {
    // Domain code is pure: deciders and slices know nothing of databases, brokers or transports.
    files: ["apps/*/src/**/*.ts", "packages/config/src/**/*.ts", "packages/calendar/src/**/*.ts", "packages/contracts/src/**/*.ts"],
    ignores: [
      "apps/*/src/main.ts",
      "apps/*/src/app.ts",
      "apps/*/src/schema/**",
      "apps/*/src/http/**",
      "apps/gateway/**",
      "apps/platform/**",
    ],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [{ group: INFRASTRUCTURE, message: "domain code must not import infrastructure; receive it through buildApp(deps)" }],
        },
      ],
    },
  },
  {
    // Command-line entry points write to stdout on purpose.
    files: ["**/src/cli/**/*.ts", "bench/**/*.ts", "**/src/main.ts"],
    rules: { "no-console": "off" },
  },
);
