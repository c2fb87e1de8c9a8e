import { existsSync } from "node:fs";
import { buildSubgraphSchema } from "@apollo/subgraph";
import { parse } from "graphql";
import pino from "pino";
import { chromium, type BrowserContext } from "playwright-core";
import { describe, expect, it, onTestFinished } from "vitest";
import { createVerifier } from "@lienthong/auth/verify";
import { createSubgraph } from "@lienthong/subgraph/create-subgraph";
import { tempDir } from "@lienthong/testing/temp-dir";
import { startReadyGateway } from "./support/gateway-stack";
import { startTasksSubgraph, startUnitsSubgraph, UNITS_SDL } from "./support/test-subgraphs";

// Debian's chromium (.ci/run installs it); never a browser download.
const CHROMIUM = process.env.CHROMIUM_BIN ?? "/usr/bin/chromium";
const FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-quic",
  "--no-first-run",
  "--disable-component-update",
  "--disable-sync",
];

async function launchBrowser(): Promise<BrowserContext> {
  const profile = tempDir("graphiql-chromium-");
  const context = await chromium.launchPersistentContext(profile.path, { executablePath: CHROMIUM, headless: true, args: FLAGS });
  onTestFinished(async () => {
    await context.close();
    await profile.remove();
  });
  return context;
}

/** Opens GraphiQL at `url`, runs `query` from its editor and returns the result pane's JSON and every request to another host. */
async function runInGraphiQL(url: string, title: string, query: string) {
  const context = await launchBrowser();
  const elsewhere: string[] = [];
  await context.route("**/*", (route) => {
    const target = new URL(route.request().url());
    if (target.protocol === "data:" || target.protocol === "blob:" || target.hostname === "127.0.0.1") return route.continue();
    elsewhere.push(target.href);
    return route.abort("internetdisconnected");
  });
  const page = await context.newPage();
  const pageErrors: string[] = [];
  page.on("pageerror", (error) => pageErrors.push(error.message));

  await page.goto(url);
  await expect.poll(() => page.title()).toBe(title);
  const editor = page.locator(".graphiql-query-editor .monaco-editor").first();
  await editor.waitFor({ state: "visible", timeout: 30_000 });

  await editor.click();
  await page.keyboard.press("ControlOrMeta+A");
  await page.keyboard.insertText(query);
  // The editor closes brackets as they are typed: whatever it added after the cursor goes.
  await page.keyboard.press("Shift+ControlOrMeta+End");
  await page.keyboard.press("Delete");
  await page.locator(".graphiql-execute-button").click();

  // The result pane renders spaces as non-breaking ones.
  const result = async () => (await page.locator(".graphiql-response").innerText()).replace(/\s+/g, " ");
  await expect.poll(result, { timeout: 30_000 }).toContain('"data"');
  return { result: JSON.parse(await result()) as unknown, elsewhere, pageErrors };
}

// Skipped only on a developer machine without chromium; CI installs it, so there a missing browser fails the test.
const browserAvailable = existsSync(CHROMIUM) || process.env.CI !== undefined;

describe.runIf(browserAvailable)("GraphiQL in a browser with no internet", { timeout: 120_000 }, () => {
  it("renders from the gateway's own assets and runs a query, asking no other host for anything", async () => {
    const units = await startUnitsSubgraph();
    const tasks = await startTasksSubgraph();
    onTestFinished(() => Promise.all([units.close(), tasks.close()]).then(() => undefined));
    const { baseUrl } = await startReadyGateway({ subgraphs: [units, tasks], development: true });

    const run = await runInGraphiQL(`${baseUrl}/graphql`, "Liên Thông — GraphiQL", `{ unit(code: "26734") { name openTasks } }`);

    expect(run.result).toEqual({ data: { unit: { name: "Phường Sài Gòn", openTasks: 3 } } });
    expect(run.elsewhere).toEqual([]);
    expect(run.pageErrors).toEqual([]);
  });

  it("does the same on a subgraph started with GraphiQL (an app run on its own in development)", async () => {
    const subgraph = createSubgraph({
      name: "units",
      schema: buildSubgraphSchema({
        typeDefs: parse(UNITS_SDL),
        resolvers: { Query: { unit: () => ({ code: "26734", name: "Phường Sài Gòn" }) } },
      }),
      verifier: createVerifier({ secret: "graphiql-e2e-secret-at-least-32-characters" }),
      log: pino({ level: "silent" }),
      graphiql: true,
    });
    const server = await subgraph.listen(0, "127.0.0.1");
    onTestFinished(() => server.close());

    const run = await runInGraphiQL(`http://127.0.0.1:${server.port}/graphql`, "Liên Thông — GraphiQL", `{ unit(code: "26734") { name } }`);

    expect(run.result).toEqual({ data: { unit: { name: "Phường Sài Gòn" } } });
    expect(run.elsewhere).toEqual([]);
    expect(run.pageErrors).toEqual([]);
  });
});
