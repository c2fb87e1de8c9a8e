import { describe, expect, it } from "vitest";
import { vietnameseGraphQLMessage } from "../src/graphql-messages";
import { graphqlRequest, readGraphQL, sampleSubgraph } from "./helpers";

async function errorsOf(query: string, variables?: Record<string, unknown>) {
  const response = await readGraphQL(await sampleSubgraph().app.request("/graphql", graphqlRequest({ query, variables })));
  return response.body.errors ?? [];
}

describe("GraphQL's own messages, in Vietnamese", () => {
  it("for a field that does not exist, with graphql-js' suggestion kept", async () => {
    const [error] = await errorsOf("{ helo }");
    expect(error).toMatchObject({ message: 'Kiểu "Query" không có trường "helo". Có phải ý bạn là "hello"?' });
    expect(error?.extensions?.code).toBe("GRAPHQL_VALIDATION_FAILED");
  });

  it("for a syntax error and a missing argument", async () => {
    expect((await errorsOf("{ hello"))[0]?.message).toBe("Lỗi cú pháp GraphQL: cần Name nhưng gặp <EOF>.");
    expect((await errorsOf("{ unit { name } }"))[0]?.message).toBe('Trường "unit" thiếu tham số bắt buộc "code" (kiểu String!).');
  });

  it("for variables that are missing or of the wrong type", async () => {
    const query = "query($code: String!) { unit(code: $code) { name } }";
    expect((await errorsOf(query, {}))[0]?.message).toBe('Thiếu biến bắt buộc "$code" (kiểu String!).');
    expect((await errorsOf(query, { code: 5 }))[0]?.message).toBe(
      'Biến "$code" có giá trị không hợp lệ 5: giá trị 5 không đúng kiểu String.',
    );
  });

  it("for a missing field inside an input object, naming where", () => {
    expect(
      vietnameseGraphQLMessage(
        'Variable "$input" got invalid value { code: "26734" }; Field "name" of required type "String!" was not provided.',
      ),
    ).toBe('Biến "$input" có giá trị không hợp lệ { code: "26734" }: thiếu trường bắt buộc "name" (kiểu String!).');
    expect(
      vietnameseGraphQLMessage('Variable "$input" got invalid value 5 at "input.name"; String cannot represent a non string value: 5'),
    ).toBe('Biến "$input" có giá trị không hợp lệ 5 tại "input.name": giá trị 5 không đúng kiểu String.');
  });

  it("leaves a message that is not one of GraphQL's alone", () => {
    expect(vietnameseGraphQLMessage("Bạn không có quyền truy cập Query.unit.")).toBeUndefined();
  });
});
