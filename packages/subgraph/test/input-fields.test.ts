import { printSchema } from "graphql";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { createBuilder, toSubgraphSchema } from "../src/builder";
import { parseInput, ValidationError } from "../src/errors";
import { addShapeOf, dateInput, idInput, inputFieldsOf, moneyInput, textInput, unitInput, updateShapeOf } from "../src/input-fields";

const FIELDS = {
  note: textInput(10, "A short note."),
  owner: idInput(),
  unit: unitInput(),
  due: dateInput(),
  budget: moneyInput(),
};

describe("input field helpers", () => {
  it("declare each GraphQL input field from the same record the validation uses", () => {
    const builder = createBuilder();
    const Input = builder.inputType("SampleInput", { fields: (t) => inputFieldsOf(t, FIELDS) });
    builder.queryType({
      fields: (t) => ({
        echo: t.string({ args: { input: t.arg({ type: Input }) }, resolve: (_root, args) => JSON.stringify(args.input) }),
      }),
    });
    const printed = printSchema(toSubgraphSchema(builder));
    expect(printed).toContain(
      'input SampleInput {\n  budget: Float\n  due: Date\n\n  """A short note."""\n  note: String\n  owner: ID\n  unit: ID\n}',
    );
  });

  it("read null as not given when adding and as clear when updating", () => {
    const add = z.object(addShapeOf(FIELDS));
    const update = z.object(updateShapeOf(FIELDS));
    expect(add.parse({ note: null, owner: " o-lan " })).toEqual({ note: undefined, owner: "o-lan" });
    expect(update.parse({ note: null })).toEqual({ note: null });
  });

  it("refuse bad values with the path of each field", () => {
    const refused = parseInput(z.object(addShapeOf(FIELDS)), { note: "   ", unit: "123", due: "2026-02-30", budget: 1.5 }, ["input"]);
    expect(refused).toBeInstanceOf(ValidationError);
    expect((refused as ValidationError).fields.map((field) => field.path.join("."))).toEqual([
      "input.note",
      "input.unit",
      "input.due",
      "input.budget",
    ]);
    expect(parseInput(z.object(addShapeOf(FIELDS)), { budget: 250_000_000_000 })).toEqual({ budget: 250_000_000_000 });
  });
});
