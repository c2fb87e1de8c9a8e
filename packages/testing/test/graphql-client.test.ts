import { describe, expect, it } from "vitest";
import { graphqlClient } from "../src/graphql-client";
import { assertNoEnglish } from "../src/vietnamese";
import { tinyGraphql } from "./fixtures/tiny-graphql";

describe("graphqlClient with an in-process handler", () => {
  it("sends the query and variables and returns data with the status", async () => {
    const client = graphqlClient(tinyGraphql);
    const result = await client.request<{ hello: string }>("query ($name: String!) { hello(name: $name) }", { name: "Liên Thông" });
    expect(result.status).toBe(200);
    expect(result.data).toEqual({ hello: "Xin chào, Liên Thông" });
    expect(result.errors).toBeUndefined();
  });

  it("sends the token as a bearer authorization header; a per-request token replaces it", async () => {
    const client = graphqlClient(tinyGraphql, { token: "officer-token" });
    expect((await client.request<{ whoami: string }>("{ whoami }")).data?.whoami).toBe("Bearer officer-token");
    expect((await client.request<{ whoami: string }>("{ whoami }", undefined, { token: "admin-token" })).data?.whoami).toBe(
      "Bearer admin-token",
    );
    expect((await graphqlClient(tinyGraphql).request<{ whoami: string | null }>("{ whoami }")).data?.whoami).toBeNull();
  });

  it("sends extra headers, per client and per request, as JSON so CSRF protection lets it through", async () => {
    const client = graphqlClient(tinyGraphql, { headers: { "x-correlation-id": "c-1" } });
    const query = '{ correlation: header(name: "x-correlation-id") type: header(name: "content-type") unit: header(name: "x-unit") }';
    expect((await client.request(query, undefined, { headers: { "x-unit": "26740" } })).data).toEqual({
      correlation: "c-1",
      type: "application/json",
      unit: "26740",
    });
  });

  it("returns GraphQL errors with their extensions, beside partial data", async () => {
    const result = await graphqlClient(tinyGraphql).request<{ hello: string; boom: string | null }>('{ hello(name: "A") boom }');
    expect(result.status).toBe(200);
    expect(result.data).toEqual({ hello: "Xin chào, A", boom: null });
    expect(result.errors).toEqual([
      expect.objectContaining({ message: "not allowed here", path: ["boom"], extensions: { code: "FORBIDDEN" } }),
    ]);
  });

  it("returns the status of a refused request", async () => {
    const result = await graphqlClient(tinyGraphql).request("{ nope }");
    expect(result.status).toBe(400);
    expect(result.data).toBeUndefined();
    expect(result.errors?.[0]?.message).toMatch(/Cannot query field "nope"/);
  });

  it("runs the check on every response, e.g. refusing English messages", async () => {
    const client = graphqlClient(tinyGraphql, { check: assertNoEnglish });
    expect((await client.request<{ hello: string }>('{ hello(name: "A") }')).data).toEqual({ hello: "Xin chào, A" });
    await expect(client.request('{ hello(name: "A") boom }')).rejects.toThrow(/errors\.0\.message: not allowed here/);
  });

  it("fails loudly when the answer is not a GraphQL response", async () => {
    const client = graphqlClient((request) => tinyGraphql(new Request(new URL("/elsewhere", request.url), request)));
    await expect(client.request("{ whoami }")).rejects.toThrow(/answered 502 with a body that is not a GraphQL response: Bad Gateway/);
  });
});
