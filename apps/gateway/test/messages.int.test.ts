import { expectVietnamese } from "@lienthong/testing/vietnamese";
import { describe, expect, it, onTestFinished } from "vitest";
import { startReadyGateway } from "./support/gateway-stack";
import { startTasksSubgraph, startUnitsSubgraph } from "./support/test-subgraphs";

async function startStack(development = false) {
  const units = await startUnitsSubgraph();
  const tasks = await startTasksSubgraph();
  onTestFinished(() => Promise.all([units.close(), tasks.close()]).then(() => undefined));
  const { baseUrl } = await startReadyGateway({ subgraphs: [units, tasks], development });
  const send = async (init: RequestInit & { path?: string }) => {
    const response = await fetch(`${baseUrl}${init.path ?? "/graphql"}`, init);
    return { status: response.status, body: (await response.json()) as { errors?: { extensions?: { code?: string } }[] } };
  };
  const post = (body: unknown) =>
    send({
      method: "POST",
      headers: { "content-type": "application/json", accept: "application/json" },
      body: typeof body === "string" ? body : JSON.stringify(body),
    });
  return { send, post };
}

const codesOf = (body: { errors?: { extensions?: { code?: string } }[] }) => body.errors?.map((error) => error.extensions?.code);

describe("GraphQL's own refusals through the gateway, in Vietnamese with stable codes", () => {
  it("for an unknown field, a syntax error and a missing argument", async () => {
    const { post } = await startStack();
    const unknownField = await post({ query: `{ unit(code: "26734") { nmae } }` });
    expect(codesOf(unknownField.body)).toEqual(["GRAPHQL_VALIDATION_FAILED"]);
    // graphql-js' suggestion is kept, with the names as the schema spells them.
    expect(expectVietnamese(unknownField.body)[0]?.message).toContain('"name"');

    const syntax = await post({ query: `{ unit(code: ` });
    expect(codesOf(syntax.body)).toEqual(["GRAPHQL_PARSE_FAILED"]);
    expectVietnamese(syntax.body);

    const missingArgument = await post({ query: `{ unit { name } }` });
    expect(codesOf(missingArgument.body)).toEqual(["GRAPHQL_VALIDATION_FAILED"]);
    expectVietnamese(missingArgument.body);
  });

  it("for variables that are missing or of the wrong type", async () => {
    const { post } = await startStack();
    const query = `query Ward($code: String!) { unit(code: $code) { name } }`;
    for (const variables of [{}, { code: 26734 }, { code: null }]) {
      const reply = await post({ query, variables });
      expect(codesOf(reply.body)).toEqual(["BAD_USER_INPUT"]);
      expectVietnamese(reply.body);
    }
  });

  it("for requests yoga refuses: no query, a body that is not JSON, an operation the schema lacks, a wrong method", async () => {
    const { post, send } = await startStack();
    const replies = [
      await post({}),
      await post("{not json"),
      await post({ query: "mutation { nothing }" }),
      await send({ method: "PUT", headers: { "x-graphql-csrf": "1" } }),
    ];
    expect(replies.map((reply) => codesOf(reply.body))).toEqual([
      ["BAD_REQUEST"],
      ["BAD_REQUEST"],
      ["GRAPHQL_VALIDATION_FAILED"],
      ["BAD_REQUEST"],
    ]);
    for (const reply of replies) expectVietnamese(reply.body);
  });

  it("for a cross-site form POST (CSRF) and introspection outside development", async () => {
    const { send, post } = await startStack();
    const form = await send({
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: `query=${encodeURIComponent("{ taskCount }")}`,
    });
    expect(form.status).toBe(403);
    expect(codesOf(form.body)).toEqual(["CSRF_HEADER_MISSING"]);
    expectVietnamese(form.body);

    const introspection = await post({ query: "{ __schema { queryType { name } } }" });
    expect(codesOf(introspection.body)).toContain("GRAPHQL_VALIDATION_FAILED");
    expectVietnamese(introspection.body);
  });

  it("for the gateway's own pages: an unknown path and a file that is not a report", async () => {
    const { send } = await startStack();
    for (const path of ["/nothing-here", "/reports/tasks.txt"]) {
      const reply = await send({ path });
      expect(reply.status).toBe(404);
      expect(reply.body).toMatchObject({ error: { code: "NOT_FOUND" } });
      expectVietnamese(reply.body);
    }
  });
});
