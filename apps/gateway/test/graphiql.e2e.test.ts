import { existsSync } from "node:fs";
import { chromium, type BrowserContext } from "playwright-core";
import { describe, expect, it, onTestFinished } from "vitest";
import { tempDir } from "@lienthong/testing/temp-dir";
import { startReadyGateway } from "./support/gateway-stack";
import { startTasksSubgraph, startUnitsSubgraph } from "./support/test-subgraphs";

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

describe("GraphiQL in a browser with no internet", { timeout: 120_000 }, () => {
  // Skipped only on a developer machine without chromium; CI installs it, so there a missing browser fails the test.
  it.runIf(existsSync(CHROMIUM) || process.env.CI !== undefined)(
    "renders from the gateway's own assets and runs a query, asking no other host for anything",
    async () => {
      const units = await startUnitsSubgraph();
      const tasks = await startTasksSubgraph();
      onTestFinished(() => Promise.all([units.close(), tasks.close()]).then(() => undefined));
      const { baseUrl } = await startReadyGateway({ subgraphs: [units, tasks], development: true });

      const context = await launchBrowser();
      const elsewhere: string[] = [];
      await context.route("**/*", (route) => {
        const url = new URL(route.request().url());
        if (url.protocol === "data:" || url.protocol === "blob:" || url.hostname === "127.0.0.1") return route.continue();
        elsewhere.push(url.href);
        return route.abort("internetdisconnected");
      });
      const page = await context.newPage();
      const pageErrors: string[] = [];
      page.on("pageerror", (error) => pageErrors.push(error.message));

      await page.goto(`${baseUrl}/graphql`);
      await expect.poll(() => page.title()).toBe("Liên Thông — GraphiQL");
      const editor = page.locator(".graphiql-query-editor .monaco-editor").first();
      await editor.waitFor({ state: "visible", timeout: 60_000 });

      await editor.click();
      await page.keyboard.press("ControlOrMeta+A");
      await page.keyboard.insertText(`{ unit(code: "26734") { name openTasks } }`);
      // The editor closes brackets as they are typed: whatever it added after the cursor goes.
      await page.keyboard.press("Shift+ControlOrMeta+End");
      await page.keyboard.press("Delete");
      await page.locator(".graphiql-execute-button").click();

      // The result pane renders spaces as non-breaking ones.
      const result = async () => (await page.locator(".graphiql-response").innerText()).replace(/\s+/g, " ");
      await expect.poll(result, { timeout: 30_000 }).toContain('"data"');
      expect(JSON.parse(await result())).toEqual({ data: { unit: { name: "Phường Sài Gòn", openTasks: 3 } } });
      expect(elsewhere).toEqual([]);
      expect(pageErrors).toEqual([]);
    },
  );
});
