import { z } from "zod";
import { describe, expect, it } from "vitest";
import { invalidTransition, validationError } from "../src/errors";

describe("domain error messages", () => {
  it("sum up a validation error field by field, in Vietnamese", () => {
    const error = validationError([
      { path: ["fullName"], message: "không được để trống" },
      { path: ["roles", "1"], message: 'vai trò "president" không tồn tại.' },
    ]);
    expect(error).toMatchObject({ code: "VALIDATION" });
    expect(error.message).toBe('Dữ liệu nhập không hợp lệ: fullName: không được để trống; roles.1: vai trò "president" không tồn tại.');
  });

  it("say what could not be done in which state, with the caller's words, and keep the codes", () => {
    const error = invalidTransition("cancelled", "complete", { attempted: "hoàn thành nhiệm vụ", from: "nhiệm vụ đã bị hủy" });
    expect(error).toEqual({
      code: "INVALID_TRANSITION",
      from: "cancelled",
      attempted: "complete",
      message: "Không thể hoàn thành nhiệm vụ khi nhiệm vụ đã bị hủy.",
    });
    expect(invalidTransition("cancelled", "complete").message).not.toMatch(/cancelled|complete/);
    expect(invalidTransition("closed", "update", "Chương trình đã kết thúc.")).toEqual({
      code: "INVALID_TRANSITION",
      from: "closed",
      attempted: "update",
      message: "Chương trình đã kết thúc.",
    });
  });

  it("make zod's default messages Vietnamese once errors are loaded", () => {
    const result = z.object({ count: z.number(), title: z.string().min(3) }).safeParse({ count: "ba", title: "x" });
    expect(result.error?.issues.map((issue) => issue.message)).toEqual([
      "Đầu vào không hợp lệ: mong đợi số, nhận được string",
      "Quá nhỏ: mong đợi string có >=3 ký tự",
    ]);
  });
});
