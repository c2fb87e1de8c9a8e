import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it, onTestFinished } from "vitest";
import { startTypeScript } from "@lienthong/testing/child-process";
import { freePort } from "@lienthong/testing/free-port";
import { planNatsSuite, startNatsServer } from "@lienthong/testing/nats-server";
import { tempDir } from "@lienthong/testing/temp-dir";
import { README } from "./support/readme-examples";
import { assertNoEnglish } from "@lienthong/testing/vietnamese";

const APPS = new URL("../../", import.meta.url).pathname;
const DEV_TOKEN = new URL("../../../packages/auth/src/cli/dev-token.ts", import.meta.url).pathname;
const SECRET = "readme-distributed-secret-at-least-32-characters";

/** The README's "Running the services separately" section. */
function distributedSection(): string {
  const text = readFileSync(README, "utf8");
  const start = text.indexOf("## Running the services separately");
  expect(start, "the README has a distributed-run section").toBeGreaterThan(-1);
  const end = text.indexOf("\n## ", start + 1);
  return text.slice(start, end === -1 ? undefined : end);
}

/** Words of a shell command line, with "double" and 'single' quotes removed. */
function shellWords(line: string): string[] {
  return [...line.matchAll(/"([^"]*)"|'([^']*)'|(\S+)/g)].map((match) => match[1] ?? match[2] ?? (match[3] as string));
}

async function waitForReady(url: string, what: string): Promise<void> {
  await expect
    .poll(async () => (await fetch(url).catch(() => undefined))?.status, { timeout: 90_000, interval: 250, message: `${what} is ready` })
    .toBe(200);
}

const suite = planNatsSuite("the README's distributed run: nats-server, each app with its start command, one AUTH_SECRET, dev-token");

describe.skipIf(suite.skip)(suite.title, { timeout: 300_000 }, () => {
  it("starts every app the README lists, mints the README's token and answers its query and a report through the gateway", async () => {
    const section = distributedSection();
    const started = [...section.matchAll(/pnpm --filter @lienthong\/(\w+) start/g)].map((match) => match[1]);
    expect(started).toEqual(["directory", "tasks", "notifications", "gateway"]);
    expect(section).toMatch(/nats-server .*-js/);
    expect(section).toMatch(/export AUTH_SECRET=.* NATS_URL=nats:\/\/127\.0\.0\.1:4222/);

    const nats = await startNatsServer();
    onTestFinished(() => nats.stop());
    const data = tempDir("readme-distributed-");
    onTestFinished(data.remove);
    const common = { AUTH_SECRET: SECRET, NATS_URL: nats.url, LOG_LEVEL: "warn", MONGODB_URL: undefined, CLOCK_START: undefined };

    const ports: Record<string, number> = {};
    for (const app of started.slice(0, -1) as string[]) {
      ports[app] = await freePort();
      const child = startTypeScript(join(APPS, app, "src/main.ts"), {
        env: { ...common, NODE_ENV: "production", PORT: String(ports[app]), DATA_DIR: join(data.path, app) },
      });
      onTestFinished(() => child.stop());
    }
    for (const [app, port] of Object.entries(ports)) await waitForReady(`http://127.0.0.1:${port}/healthz`, app);

    const gatewayPort = await freePort();
    const subgraphs = Object.entries(ports).map(([app, port]) => `${app}=http://127.0.0.1:${port}/graphql`);
    const gateway = startTypeScript(join(APPS, "gateway/src/main.ts"), {
      env: { ...common, NODE_ENV: "development", PORT: String(gatewayPort), SUBGRAPHS: subgraphs.join(",") },
    });
    onTestFinished(() => gateway.stop());
    const origin = `http://127.0.0.1:${gatewayPort}`;
    await waitForReady(`${origin}/readyz`, "the gateway");

    const devTokenLine = /TOKEN=\$\(pnpm --silent dev-token (.+)\)/.exec(section)?.[1];
    expect(devTokenLine, "the README mints a token with dev-token").toBeDefined();
    const minting = startTypeScript(DEV_TOKEN, { args: shellWords(devTokenLine as string), env: { AUTH_SECRET: SECRET } });
    expect((await minting.exited).code, minting.stderr()).toBe(0);
    const token = minting.stdout().trim();

    const body = /-d '(\{"query".+\})'/.exec(section)?.[1];
    expect(body, "the README sends a query with curl").toBeDefined();
    const answer = await fetch(`${origin}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
      body: body as string,
    });
    const replied = (await answer.json()) as { data: { me: { name: string; roles: string[]; units: string[] } } };
    assertNoEnglish(replied);
    const { data: reply } = replied;
    expect(reply.me).toMatchObject({ name: "Quản trị Thành phố", units: ["*"] });
    expect(reply.me.roles).toEqual(["city_admin"]);

    const report = await fetch(`${origin}/reports/tasks.csv?units=26740,27592`, { headers: { authorization: `Bearer ${token}` } });
    expect(report.status).toBe(200);
    expect(report.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect((await report.text()).trimEnd().split(/\r?\n/)).toHaveLength(3);
  });
});
