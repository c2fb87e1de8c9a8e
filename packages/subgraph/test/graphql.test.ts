import { describe, expect, it } from "vitest";
import { UNEXPECTED_ERROR_MESSAGE } from "../src/error-masking";
import { cityAdmin, graphqlRequest, readGraphQL, sampleSubgraph, tokenFor, wardAdmin, wardOfficer, type GraphQLRequest } from "./helpers";

async function post(subgraph: ReturnType<typeof sampleSubgraph>, request: GraphQLRequest) {
  return readGraphQL(await subgraph.app.request("/graphql", graphqlRequest(request)));
}

const RENAME = `mutation Rename($input: RenameUnitInput!) {
  renameUnit(input: $input) {
    __typename
    ... on RenameUnitSuccess { unit { code name } }
    ... on Error { code message }
    ... on ValidationError { fields { path message } }
  }
}`;

describe("access", () => {
  it("serves public fields to anonymous callers", async () => {
    const { body } = await post(sampleSubgraph(), { query: "{ hello }" });
    expect(body).toEqual({ data: { hello: "Xin chào" } });
  });

  it("answers UNAUTHENTICATED for a protected field without a token", async () => {
    const { body } = await post(sampleSubgraph(), { query: "{ me }" });
    expect(body.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    expect(body.data).toBeNull();
  });

  it("knows the caller from a valid token", async () => {
    const { body } = await post(sampleSubgraph(), { query: "{ me }", token: await tokenFor(wardAdmin) });
    expect(body.data).toEqual({ me: "Nguyễn Văn A (official-1)" });
  });

  it("refuses an invalid token with UNAUTHENTICATED and 401, even for public fields", async () => {
    const response = await post(sampleSubgraph(), { query: "{ hello }", token: "eyJhbGciOiJIUzI1NiJ9.e30.bad-signature" });
    expect(response.status).toBe(401);
    expect(response.body.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    expect(response.body.data).toBeUndefined();
  });

  it("refuses an Authorization header that is not a bearer token", async () => {
    const response = await post(sampleSubgraph(), { query: "{ hello }", headers: { authorization: "Basic YTpi" } });
    expect(response.body.errors?.[0]).toMatchObject({
      message: expect.stringContaining("Bearer"),
      extensions: { code: "UNAUTHENTICATED" },
    });
  });

  it("lets an officer read their own ward but not another one", async () => {
    const subgraph = sampleSubgraph();
    const token = await tokenFor(wardOfficer);
    const own = await post(subgraph, { query: '{ unit(code: "26734") { name } }', token });
    expect(own.body.data).toEqual({ unit: { name: "Phường Bến Nghé" } });

    const other = await post(subgraph, { query: '{ unit(code: "26737") { name } }', token });
    expect(other.body.data).toEqual({ unit: null });
    expect(other.body.errors?.[0]).toMatchObject({ path: ["unit"], extensions: { code: "FORBIDDEN" } });
    expect(other.body.errors?.[0]?.message).toBe("Bạn không có quyền truy cập Query.unit.");
  });

  it("lets city level read every ward", async () => {
    const { body } = await post(sampleSubgraph(), { query: '{ unit(code: "27004") { name } }', token: await tokenFor(cityAdmin) });
    expect(body.data).toEqual({ unit: { name: "Xã Tân Nhựt" } });
  });
});

describe("mutation payloads", () => {
  it("returns the success type holding the changed entity", async () => {
    const subgraph = sampleSubgraph();
    const { body } = await post(subgraph, {
      query: RENAME,
      variables: { input: { code: "26734", name: "Phường Sài Gòn" } },
      token: await tokenFor(wardAdmin),
    });
    expect(body.data?.renameUnit).toEqual({ __typename: "RenameUnitSuccess", unit: { code: "26734", name: "Phường Sài Gòn" } });
    const after = await post(subgraph, { query: '{ unit(code: "26734") { name } }', token: await tokenFor(wardAdmin) });
    expect(after.body.data).toEqual({ unit: { name: "Phường Sài Gòn" } });
  });

  it("returns NotAllowedError for another ward or a role without the right", async () => {
    const subgraph = sampleSubgraph();
    const otherWard = await post(subgraph, {
      query: RENAME,
      variables: { input: { code: "26737", name: "Khác" } },
      token: await tokenFor(wardAdmin),
    });
    expect(otherWard.body.data?.renameUnit).toMatchObject({ __typename: "NotAllowedError", code: "NOT_ALLOWED" });
    const officer = await post(subgraph, {
      query: RENAME,
      variables: { input: { code: "26734", name: "Khác" } },
      token: await tokenFor(wardOfficer),
    });
    expect(officer.body.data?.renameUnit).toMatchObject({ __typename: "NotAllowedError" });
    const unchanged = await post(subgraph, { query: '{ unit(code: "26737") { name } }', token: await tokenFor(cityAdmin) });
    expect(unchanged.body.data).toEqual({ unit: { name: "Phường Đa Kao" } });
  });

  it("answers UNAUTHENTICATED, not a payload, to an anonymous mutation", async () => {
    const { body } = await post(sampleSubgraph(), { query: RENAME, variables: { input: { code: "26734", name: "Khác" } } });
    expect(body.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
  });

  it("returns ValidationError naming each invalid field", async () => {
    const { body } = await post(sampleSubgraph(), {
      query: RENAME,
      variables: { input: { code: "26734", name: " x " } },
      token: await tokenFor(wardAdmin),
    });
    expect(body.data?.renameUnit).toEqual({
      __typename: "ValidationError",
      code: "VALIDATION",
      message: "Dữ liệu nhập không hợp lệ: name: phải có ít nhất 2 ký tự.",
      fields: [{ path: ["name"], message: "phải có ít nhất 2 ký tự" }],
    });
  });

  it("returns NotFoundError for an unknown unit", async () => {
    const { body } = await post(sampleSubgraph(), {
      query: RENAME,
      variables: { input: { code: "99999", name: "Không có" } },
      token: await tokenFor(cityAdmin),
    });
    expect(body.data?.renameUnit).toEqual({ __typename: "NotFoundError", code: "NOT_FOUND", message: "No unit has the code 99999." });
  });
});

describe("conventions", () => {
  it("pages connections with totalCount and pageInfo", async () => {
    const { body } = await post(sampleSubgraph(), {
      query: "{ units(first: 2) { totalCount edges { node { code } } pageInfo { hasNextPage endCursor } } }",
    });
    const units = body.data?.units as { totalCount: number; edges: unknown[]; pageInfo: { hasNextPage: boolean } };
    expect(units.totalCount).toBe(3);
    expect(units.edges).toEqual([{ node: { code: "26734" } }, { node: { code: "26737" } }]);
    expect(units.pageInfo.hasNextPage).toBe(true);
  });

  it("refuses a page larger than the hard maximum, naming the argument", async () => {
    const { body } = await post(sampleSubgraph(), { query: "{ units(first: 500) { totalCount } }" });
    expect(body.errors?.[0]).toMatchObject({
      message: expect.stringContaining("first: phải từ 0 đến 100"),
      extensions: { code: "BAD_USER_INPUT" },
    });
  });

  it("refuses an impossible Date with a message saying the expected form", async () => {
    const subgraph = sampleSubgraph();
    const good = await post(subgraph, { query: '{ echoDate(on: "2024-02-29") }' });
    expect(good.body.data).toEqual({ echoDate: "2024-02-29" });
    const bad = await post(subgraph, { query: "query($on: Date!) { echoDate(on: $on) }", variables: { on: "2025-02-29" } });
    expect(bad.body.errors?.[0]?.message).toMatch(
      /^Biến "\$on" có giá trị không hợp lệ "2025-02-29": Ngày phải là một ngày có thật, viết theo dạng YYYY-MM-DD/,
    );
  });

  it("accepts DateTime only with an offset and a real day", async () => {
    const subgraph = sampleSubgraph();
    const good = await post(subgraph, { query: '{ echoDateTime(at: "2025-03-01T08:30:00+07:00") }' });
    expect(good.body.data).toEqual({ echoDateTime: "2025-03-01T08:30:00+07:00" });
    for (const at of ["2025-03-01T08:30:00", "2025-02-30T08:30:00Z"]) {
      const bad = await post(subgraph, { query: "query($at: DateTime!) { echoDateTime(at: $at) }", variables: { at } });
      expect(bad.body.errors?.[0]?.message).toMatch(/^Biến "\$at" có giá trị không hợp lệ "[^"]+": Thời điểm phải viết theo ISO 8601/);
    }
  });
});

describe("federation", () => {
  it("publishes its SDL through _service", async () => {
    const { body } = await post(sampleSubgraph(), { query: "{ _service { sdl } }" });
    const sdl = (body.data?._service as { sdl: string }).sdl;
    expect(sdl).toContain('@key(fields: "code")');
    expect(sdl).toContain("specs.apollo.dev/federation/v2.6");
  });

  it("resolves entity references through _entities", async () => {
    const { body } = await post(sampleSubgraph(), {
      query: "query($r: [_Any!]!) { _entities(representations: $r) { ... on Unit { code name } } }",
      variables: { r: [{ __typename: "Unit", code: "26737" }] },
    });
    expect(body.data).toEqual({ _entities: [{ code: "26737", name: "Phường Đa Kao" }] });
  });
});

describe("unexpected errors", () => {
  it("are masked for the client and logged with the correlation id", async () => {
    const subgraph = sampleSubgraph();
    const response = await post(subgraph, { query: "{ boom }", headers: { "x-correlation-id": "req-42" } });
    expect(response.body.errors).toEqual([
      { message: UNEXPECTED_ERROR_MESSAGE, path: ["boom"], locations: expect.any(Array), extensions: { code: "INTERNAL_SERVER_ERROR" } },
    ]);
    expect(JSON.stringify(response.body)).not.toContain("10.0.0.5");
    const logged = subgraph.logLines.find((line) => line.level === 50);
    expect(logged).toMatchObject({ correlationid: "req-42", subgraph: "sample", err: { message: "connection to 10.0.0.5:27017 refused" } });
  });
});
