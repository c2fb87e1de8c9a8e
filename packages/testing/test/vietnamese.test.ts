import { describe, expect, it } from "vitest";
import { assertNoEnglish, englishMessages, expectVietnamese, isVietnamese, messagesOf } from "../src/vietnamese";

describe("isVietnamese", () => {
  it("accepts Vietnamese sentences, with names, values and paths quoted or written as they are", () => {
    expect(isVietnamese("Bạn không có quyền truy cập Query.unit.")).toBe(true);
    expect(isVietnamese('Biến "$input" có giá trị không hợp lệ "2025-02-30" tại "input.deadline": Ngày phải là một ngày có thật.')).toBe(
      true,
    );
    expect(isVietnamese('Dữ liệu nhập không hợp lệ: unit: mã đơn vị "99999" không có trong 168 đơn vị.')).toBe(true);
    expect(isVietnamese("Đầu vào không hợp lệ: mong đợi string, nhận được undefined")).toBe(true);
    expect(isVietnamese("NOT_FOUND")).toBe(true);
  });

  it("refuses English, also English with a Vietnamese name inside or a Vietnamese tail", () => {
    expect(isVietnamese("Unexpected error.")).toBe(false);
    expect(isVietnamese("you may not register officials of Phường Sài Gòn")).toBe(false);
    expect(isVietnamese('Variable "$on" got invalid value "x"; Ngày phải là một ngày có thật.')).toBe(false);
    expect(isVietnamese("must be between 0 and 100")).toBe(false);
    expect(isVietnamese('Cannot query field "nope" on type "Query".')).toBe(false);
  });
});

describe("checking a GraphQL response", () => {
  const response = {
    data: {
      registerOfficial: {
        __typename: "ValidationError",
        message: "Dữ liệu nhập không hợp lệ: roles.0: vai trò không tồn tại.",
        fields: [{ path: ["roles", "0"], message: "unknown role" }],
      },
    },
    errors: [{ message: "Cần đăng nhập.", extensions: { code: "UNAUTHENTICATED" } }],
  };

  it("finds every message, payload errors and field errors included, with where it is", () => {
    expect(messagesOf(response).map((found) => found.at)).toEqual([
      "data.registerOfficial.message",
      "data.registerOfficial.fields.0.message",
      "errors.0.message",
    ]);
    expect(englishMessages(response)).toEqual([{ at: "data.registerOfficial.fields.0.message", message: "unknown role" }]);
  });

  it("fails naming the English message, and passes a fully Vietnamese one", () => {
    expect(() => expectVietnamese(response)).toThrow(/data\.registerOfficial\.fields\.0\.message: unknown role/);
    expect(expectVietnamese({ errors: [{ message: "Cần đăng nhập." }] })).toHaveLength(1);
  });

  it("expectVietnamese fails when there is no message at all; assertNoEnglish does not", () => {
    expect(() => expectVietnamese({ data: { registerOfficial: { __typename: "RegisterOfficialSuccess" } } })).toThrow(/found none/);
    expect(() => assertNoEnglish({ data: { hello: "Xin chào" } })).not.toThrow();
  });
});
