import { describe, expect, it, onTestFinished } from "vitest";
import { signDevToken } from "@lienthong/auth/dev-token";
import { startTypeScript } from "@lienthong/testing/child-process";
import { freePort } from "@lienthong/testing/free-port";
import { graphqlClient } from "@lienthong/testing/graphql-client";
import { assertNoEnglish } from "@lienthong/testing/vietnamese";
import { planNatsSuite, startNatsServer } from "@lienthong/testing/nats-server";
import { tempDir } from "@lienthong/testing/temp-dir";

const DIRECTORY_MAIN = new URL("../../directory/src/main.ts", import.meta.url).pathname;
const GATEWAY_MAIN = new URL("../../gateway/src/main.ts", import.meta.url).pathname;
const WATCHER = new URL("./fixtures/watch-official-events.ts", import.meta.url).pathname;
const SECRET = "distributed-e2e-secret-at-least-32-characters";

const suite = planNatsSuite("distributed mode: nats-server, directory, gateway and a watcher as separate processes");

describe.skipIf(suite.skip)(suite.title, { timeout: 240_000 }, () => {
  it("registers an official through the gateway and the watcher process receives official.registered", async () => {
    const nats = await startNatsServer();
    onTestFinished(() => nats.stop());
    const data = tempDir("distributed-");
    onTestFinished(data.remove);
    const [directoryPort, gatewayPort] = [await freePort(), await freePort()];
    const common = {
      AUTH_SECRET: SECRET,
      NATS_URL: nats.url,
      LOG_LEVEL: "info",
      NODE_ENV: "production",
      MONGODB_URL: undefined,
      CLOCK_START: undefined,
    };

    const directory = startTypeScript(DIRECTORY_MAIN, { env: { ...common, PORT: String(directoryPort), DATA_DIR: data.path } });
    onTestFinished(() => directory.stop());
    await directory.waitForLine(/directory subgraph listening/, { timeoutMs: 60_000 });

    const gateway = startTypeScript(GATEWAY_MAIN, {
      env: { ...common, PORT: String(gatewayPort), SUBGRAPHS: `directory=http://127.0.0.1:${directoryPort}/graphql` },
    });
    onTestFinished(() => gateway.stop());
    await gateway.waitForLine(/gateway is serving/, { timeoutMs: 60_000 });

    const watcher = startTypeScript(WATCHER, { args: [nats.url] });
    onTestFinished(() => watcher.stop());
    await watcher.waitForLine(/^watching$/, { timeoutMs: 60_000 });

    const token = await signDevToken({ sub: "e2e-city-admin", name: "E2E", roles: ["city_admin"], units: ["*"] }, SECRET);
    const client = graphqlClient(`http://127.0.0.1:${gatewayPort}/graphql`, { check: assertNoEnglish, token });
    const { data: result } = await client.request<{ registerOfficial: { __typename: string; official: { id: string } } }>(
      `mutation($input: RegisterOfficialInput!) { registerOfficial(input: $input) { __typename ... on RegisterOfficialSuccess { official { id } } } }`,
      { input: { fullName: "Mai Văn Tâm", position: "Ủy viên", unit: "27592", roles: ["unit_officer"] } },
    );
    const id = result?.registerOfficial.official.id as string;
    expect(result?.registerOfficial.__typename).toBe("RegisterOfficialSuccess");

    const line = await watcher.waitForLine(new RegExp(`^event lienthong\\.directory\\.official\\.registered\\.v1 ${id} `), {
      timeoutMs: 30_000,
    });
    expect(JSON.parse(line.split(" ").slice(3).join(" "))).toMatchObject({
      officialId: id,
      fullName: "Mai Văn Tâm",
      unit: "27592",
      roles: ["unit_officer"],
    });

    const read = await client.request(`query($id: ID!) { official(id: $id) { fullName unit { fullName } } }`, { id });
    expect(read.data).toEqual({ official: { fullName: "Mai Văn Tâm", unit: { fullName: "Xã Bà Điểm" } } });
  });
});
