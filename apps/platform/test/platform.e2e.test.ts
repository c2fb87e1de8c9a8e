import { describe, expect, it, onTestFinished } from "vitest";
import { freePort } from "@lienthong/testing/free-port";
import { graphqlClient } from "@lienthong/testing/graphql-client";
import { assertNoEnglish } from "@lienthong/testing/vietnamese";
import { tempDir } from "@lienthong/testing/temp-dir";
import { startPlatformProcess } from "./support/platform-process";

const REGISTER = `mutation($input: RegisterOfficialInput!) {
  registerOfficial(input: $input) { __typename ... on RegisterOfficialSuccess { official { id } } ... on Error { code message } }
}`;
const input = { fullName: "Trần Thị Bích", position: "Ủy viên", unit: "26740", roles: ["unit_officer"] };

// Each case starts the whole platform as a process, up to three times: generous on a loaded two-core machine.
describe("the all-in-one platform (pnpm start)", { timeout: 240_000 }, () => {
  it("serves units and officials through the gateway with the printed tokens, and keeps them across SIGTERM and kill -9", async () => {
    const data = tempDir("platform-");
    onTestFinished(data.remove);
    const port = await freePort();

    const first = await startPlatformProcess(data.path, port);
    const anonymous = graphqlClient(first.url, { check: assertNoEnglish });
    expect((await anonymous.request(`{ unit(code: "26740") { code fullName type } }`)).data).toEqual({
      unit: { code: "26740", fullName: "Phường Sài Gòn", type: "PHUONG" },
    });
    expect((await anonymous.request(`{ units(search: "ba diem") { totalCount edges { node { fullName } } } }`)).data).toEqual({
      units: { totalCount: 1, edges: [{ node: { fullName: "Xã Bà Điểm" } }] },
    });
    expect((await anonymous.request(REGISTER, { input })).errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");

    const otherWardAdmin = graphqlClient(first.url, { check: assertNoEnglish, token: first.token("ward admin 27592") });
    expect((await otherWardAdmin.request(REGISTER, { input })).data).toMatchObject({
      registerOfficial: { __typename: "NotAllowedError", code: "NOT_ALLOWED" },
    });

    const cityAdmin = () => graphqlClient(first.url, { check: assertNoEnglish, token: first.token("city admin") });
    const registered = await cityAdmin().request<{ registerOfficial: { official: { id: string } } }>(REGISTER, { input });
    const beforeSigterm = registered.data?.registerOfficial.official.id;
    expect(beforeSigterm).toBeDefined();
    // The demo city admin is an official of the city committee: the token's subject is his official record.
    expect((await cityAdmin().request(`{ me { roles official { fullName unitCode } } }`)).data).toEqual({
      me: { roles: ["city_admin"], official: { fullName: "Trần Văn Thành", unitCode: "*" } },
    });

    first.child.kill("SIGTERM");
    expect((await first.child.exited).code).toBe(0);

    const second = await startPlatformProcess(data.path, port);
    const afterKill = (
      await cityAdmin().request<{ registerOfficial: { official: { id: string } } }>(REGISTER, {
        input: { ...input, fullName: "Ngô Văn Hải" },
      })
    ).data?.registerOfficial.official.id;
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
    expect(third.token("city admin")).toMatch(/^ey/);
  });

  it("refuses queries nested 20 levels deep or with 100 aliases", async () => {
    const data = tempDir("platform-");
    onTestFinished(data.remove);
    const { url } = await startPlatformProcess(data.path, await freePort());
    const client = graphqlClient(url, { check: assertNoEnglish });
    const deep = `{ unit(code: "26740") ${"{ officials { edges { node { unit ".repeat(5)}{ code }${" } } } }".repeat(5)} }`;
    expect((await client.request(deep)).errors?.[0]?.extensions).toMatchObject({ code: "GRAPHQL_VALIDATION_FAILED", limit: "maxDepth" });
    const aliases = `{ ${Array.from({ length: 100 }, (_, i) => `a${i}: unit(code: "26740") { code }`).join(" ")} }`;
    expect((await client.request(aliases)).errors?.[0]?.extensions).toMatchObject({
      code: "GRAPHQL_VALIDATION_FAILED",
      limit: "maxAliases",
    });
  });
});
