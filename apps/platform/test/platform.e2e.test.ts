import { describe, expect, it, onTestFinished } from "vitest";
import { freePort } from "@lienthong/testing/free-port";
import { graphqlClient } from "@lienthong/testing/graphql-client";
import { startTypeScript } from "@lienthong/testing/child-process";
import { tempDir } from "@lienthong/testing/temp-dir";

const MAIN = new URL("../src/main.ts", import.meta.url).pathname;

/** Runs `pnpm start`'s entry point as its own process and reads the URL and tokens it prints. */
async function startPlatformProcess(dataDir: string, port: number) {
  const child = startTypeScript(MAIN, { env: { DATA_DIR: dataDir, PORT: String(port), LOG_LEVEL: "warn", CLOCK_START: undefined, NATS_URL: undefined, MONGODB_URL: undefined } });
  onTestFinished(() => child.stop());
  await child.waitForLine(/Stop with Ctrl\+C/, { timeoutMs: 60_000 });
  const tokens = new Map<string, string>();
  const lines = child.stdoutLines();
  lines.forEach((line, index) => {
    const label = /^ {2}(city admin|ward admin \d{5}|officer \d{5})/.exec(line)?.[1];
    const token = lines[index + 1]?.trim();
    if (label && token && !tokens.has(label)) tokens.set(label, token);
  });
  const url = /GraphQL and GraphiQL: (\S+)/.exec(lines.join("\n"))?.[1] as string;
  return { child, url, tokens };
}

const REGISTER = `mutation($input: RegisterOfficialInput!) {
  registerOfficial(input: $input) { __typename ... on RegisterOfficialSuccess { official { id } } ... on Error { code message } }
}`;
const input = { fullName: "Trần Thị Bích", position: "Ủy viên", unit: "26740", roles: ["UNIT_OFFICER"] };

// Each case starts the whole platform as a process, up to three times: generous on a loaded two-core machine.
describe("the all-in-one platform (pnpm start)", { timeout: 240_000 }, () => {
  it("serves units and officials through the gateway with the printed tokens, and keeps them across SIGTERM and kill -9", async () => {
    const data = tempDir("platform-");
    onTestFinished(data.remove);
    const port = await freePort();

    const first = await startPlatformProcess(data.path, port);
    const anonymous = graphqlClient(first.url);
    expect((await anonymous.request(`{ unit(code: "26740") { code fullName type } }`)).data).toEqual({ unit: { code: "26740", fullName: "Phường Sài Gòn", type: "PHUONG" } });
    expect((await anonymous.request(`{ units(search: "ba diem") { totalCount edges { node { fullName } } } }`)).data).toEqual({
      units: { totalCount: 1, edges: [{ node: { fullName: "Xã Bà Điểm" } }] },
    });
    expect((await anonymous.request(REGISTER, { input })).errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");

    const otherWardAdmin = graphqlClient(first.url, { token: first.tokens.get("ward admin 27592") as string });
    expect((await otherWardAdmin.request(REGISTER, { input })).data).toMatchObject({ registerOfficial: { __typename: "NotAllowedError", code: "NOT_ALLOWED" } });

    const cityAdmin = () => graphqlClient(first.url, { token: first.tokens.get("city admin") as string });
    const registered = await cityAdmin().request<{ registerOfficial: { official: { id: string } } }>(REGISTER, { input });
    const beforeSigterm = registered.data?.registerOfficial.official.id;
    expect(beforeSigterm).toBeDefined();

    first.child.kill("SIGTERM");
    expect((await first.child.exited).code).toBe(0);

    const second = await startPlatformProcess(data.path, port);
    const afterKill = (await cityAdmin().request<{ registerOfficial: { official: { id: string } } }>(REGISTER, { input: { ...input, fullName: "Ngô Văn Hải" } })).data?.registerOfficial.official.id;
    second.child.kill("SIGKILL");
    await second.child.exited;

    const third = await startPlatformProcess(data.path, port);
    const officials = await cityAdmin().request<{ officials: { totalCount: number; edges: { node: { id: string; fullName: string } }[] } }>(
      `{ officials(unit: "26740") { totalCount edges { node { id fullName } } } }`,
    );
    const ids = officials.data?.officials.edges.map((edge) => edge.node.id);
    expect(ids).toContain(beforeSigterm);
    expect(ids).toContain(afterKill);
    // 3 demo officials of the ward, seeded once, plus the two registered here.
    expect(officials.data?.officials.totalCount).toBe(5);
    expect(third.tokens.get("city admin")).toBeDefined();
  });

  it("refuses queries nested 20 levels deep or with 100 aliases", async () => {
    const data = tempDir("platform-");
    onTestFinished(data.remove);
    const { url } = await startPlatformProcess(data.path, await freePort());
    const client = graphqlClient(url);
    const deep = `{ unit(code: "26740") ${"{ officials { edges { node { unit ".repeat(5)}{ code }${" } } } }".repeat(5)} }`;
    expect((await client.request(deep)).errors?.[0]?.message).toMatch(/depth limit/i);
    const aliases = `{ ${Array.from({ length: 100 }, (_, i) => `a${i}: unit(code: "26740") { code }`).join(" ")} }`;
    expect((await client.request(aliases)).errors?.[0]?.message).toMatch(/aliases/i);
  });
});
