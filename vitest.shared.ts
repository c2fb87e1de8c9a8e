import { createRequire } from "node:module";
import { defineConfig } from "vitest/config";

const require = createRequire(import.meta.url);

export default defineConfig({
  resolve: {
    // One graphql module for everyone: vitest would otherwise load its ESM build beside the CommonJS build
    // that Pothos and yoga use, and GraphQLError/schema instanceof checks would fail across the two.
    alias: { graphql: require.resolve("graphql", { paths: [`${import.meta.dirname}/packages/subgraph`] }) },
  },
  test: {
    // Tests that start processes or servers share two cores with the rest of the run; time is measured in bench/.
    testTimeout: 30_000,
    hookTimeout: 30_000,
    // expect.poll gives up after one second by default: a hidden timing assertion. Waiting is fine; speed is for bench/.
    expect: { poll: { timeout: 10_000 } },
  },
});
