import js from "@eslint/js";
import tseslint from "typescript-eslint";

const APPS = [
  "gateway",
  "directory",
  "tasks",
  "congresses",
  "campaigns",
  "social-cases",
  "elections",
  "notifications",
  "platform",
  "console",
];
const INFRASTRUCTURE = ["mongodb", "@nats-io/*", "hono", "hono/*", "@hono/*", "graphql", "graphql-yoga", "@pothos/*"];

const NO_APP_IMPORTS = [
  { group: ["**/apps/**"], message: "packages must not import from apps/" },
  { group: APPS.flatMap((app) => [`@lienthong/${app}`, `@lienthong/${app}/*`]), message: "packages must not import apps" },
];
const NO_INFRASTRUCTURE = [
  { group: INFRASTRUCTURE, message: "domain code must not import infrastructure; receive it through buildApp(deps)" },
];
// Deciders are pure: an allow-list of what they may import, so nothing new slips in unnoticed.
const DECIDER_IMPORTS = [
  {
    regex: "^(?!(zod|@lienthong/contracts/.+|@lienthong/auth/principal|@lienthong/calendar/(?!periodic$).+|\\.\\.?/.+)$)",
    message:
      "a decider may import only zod, @lienthong/contracts, @lienthong/calendar (not periodic), @lienthong/auth/principal and its own service's files",
  },
];

/** Files of a service that talk to the outside: transports, adapters, wiring. Everything else in apps/<svc>/src is domain. */
const APP_ADAPTERS = [
  "apps/*/src/main.ts",
  "apps/*/src/app.ts",
  "apps/*/src/schema-file.ts",
  "apps/*/src/seed.ts",
  "apps/*/src/{schema,http,cli,consumers,schedules,read-models,read-model,pipeline,email,webhooks}/**",
  // Deterministic ids are hashes (node:crypto), not decisions.
  "apps/*/src/**/*-id.ts",
  "apps/*/src/**/*-{store,commands,consumer,worker,sender,outbox,read-model,schedule,tasks,history}.ts",
  "apps/gateway/**",
  "apps/platform/**",
  "apps/console/**",
];
/** Adapter-free files of a slice: deciders, evolvers, rules, types, pure helpers. */
const DECIDERS = ["apps/*/src/*/**/*.ts"];

const IMPURE = {
  "no-restricted-properties": [
    "error",
    { object: "Date", property: "now", message: "take the time from ctx (an injected Clock)" },
    { object: "Math", property: "random", message: "take randomness as an argument" },
  ],
  "no-restricted-globals": ["error", { name: "process", message: "a decider receives config and clock as arguments" }],
  "no-restricted-syntax": [
    "error",
    { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: "take the time from ctx (an injected Clock)" },
  ],
};

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
  // ESLint keeps only the last matching value of a rule, so each block below states every import restriction of its files.
  {
    // Packages are libraries: they never reach into deployables (bench/ may: it measures them).
    files: ["packages/**/*.ts"],
    rules: { "no-restricted-imports": ["error", { patterns: NO_APP_IMPORTS }] },
  },
  {
    // Pure packages are also free of infrastructure.
    files: ["packages/{config,calendar,contracts}/src/**/*.ts"],
    rules: { "no-restricted-imports": ["error", { patterns: [...NO_APP_IMPORTS, ...NO_INFRASTRUCTURE] }] },
  },
  {
    // Configuration is parsed once, by packages/config, from what a composition root hands it (STYLE.md §7).
    files: ["apps/*/src/**/*.ts", "packages/*/src/**/*.ts"],
    ignores: ["packages/config/src/**", "packages/testing/src/**", "**/src/main.ts", "**/src/cli/**"],
    rules: {
      "no-restricted-properties": [
        "error",
        { object: "process", property: "env", message: "read configuration through @lienthong/config in main.ts" },
      ],
    },
  },
  {
    // Services reach databases, brokers and transports only through the packages, outside their transports.
    files: ["apps/*/src/**/*.ts"],
    ignores: ["apps/*/src/{main,app}.ts", "apps/*/src/{schema,http}/**", "apps/gateway/**", "apps/platform/**", "apps/console/**"],
    rules: { "no-restricted-imports": ["error", { patterns: NO_INFRASTRUCTURE }] },
  },
  {
    // Deciders are pure: slices know nothing of databases, brokers, transports, the clock or the environment know nothing of databases, brokers or transports.
    files: DECIDERS,
    ignores: [...APP_ADAPTERS, "**/*.test.ts"],
    rules: { "no-restricted-imports": ["error", { patterns: DECIDER_IMPORTS }], ...IMPURE },
  },
  {
    // Command-line entry points write to stdout on purpose.
    files: ["**/src/cli/**/*.ts", "bench/**/*.ts", "**/src/main.ts"],
    rules: { "no-console": "off" },
  },
);
