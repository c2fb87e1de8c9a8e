import { fail, invalidTransition, notAllowed, ok, validationError } from "@lienthong/contracts/errors";
import { z } from "zod";
import { describe, expect, it } from "vitest";
import { orThrow } from "../src/common-types";
import { valueOrThrow } from "../src/domain-errors";
import { InvalidTransitionError, NotAllowedError, NotFoundError, parseInput, ValidationError, validationErrorFromZod } from "../src/errors";

const memberInput = z.object({
  name: z.string().min(2, "phải có ít nhất 2 ký tự"),
  members: z.array(z.object({ unitCode: z.string().regex(/^\d{5}$/, "phải là mã đơn vị 5 chữ số") })),
});

describe("validation errors from zod", () => {
  it("name every invalid field by its path", () => {
    const result = memberInput.safeParse({ name: "A", members: [{ unitCode: "26734" }, { unitCode: "x" }] });
    if (result.success) throw new Error("expected invalid input");
    const error = validationErrorFromZod(result.error);
    expect(error.code).toBe("VALIDATION");
    expect(error.fields).toEqual([
      { path: ["name"], message: "phải có ít nhất 2 ký tự" },
      { path: ["members", "1", "unitCode"], message: "phải là mã đơn vị 5 chữ số" },
    ]);
    expect(error.message).toBe("Dữ liệu nhập không hợp lệ: name: phải có ít nhất 2 ký tự; members.1.unitCode: phải là mã đơn vị 5 chữ số.");
  });

  it("parseInput returns the parsed value or the ValidationError, with an optional path prefix", () => {
    expect(parseInput(memberInput, { name: "Ban", members: [] })).toEqual({ name: "Ban", members: [] });
    const error = parseInput(memberInput, { name: "Ban" }, ["input"]);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).fields[0]?.path).toEqual(["input", "members"]);
  });

  it("orThrow passes values through and throws returned domain errors", () => {
    expect(orThrow<number | NotFoundError>(3)).toBe(3);
    expect(() => orThrow(new NotFoundError("No such task."))).toThrow("No such task.");
  });
});

describe("domain results from deciders", () => {
  it("valueOrThrow returns the value of a success", () => {
    expect(valueOrThrow(ok({ id: "task-1" }))).toEqual({ id: "task-1" });
  });

  it("valueOrThrow throws the error class matching the domain error, details kept", () => {
    const transition = (() => {
      try {
        return valueOrThrow(fail(invalidTransition("cancelled", "complete")));
      } catch (error) {
        return error;
      }
    })();
    expect(transition).toBeInstanceOf(InvalidTransitionError);
    expect(transition).toMatchObject({ code: "INVALID_TRANSITION", from: "cancelled", attempted: "complete" });

    expect(() => valueOrThrow(fail(notAllowed("Only the unit's admin may do this.")))).toThrow(NotAllowedError);
    const fields = [{ path: ["deadline"], message: "must be after the start" }];
    expect(() => valueOrThrow(fail(validationError(fields)))).toThrow(expect.objectContaining({ fields }));
  });
});
