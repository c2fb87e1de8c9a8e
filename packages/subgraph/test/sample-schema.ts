import { hasRole } from "@lienthong/auth/principal";
import { z } from "zod";
import { createBuilder, toSubgraphSchema } from "../src/builder";
import { orThrow, payload } from "../src/common-types";
import { resolveOffsetPage } from "../src/connections";
import { NotAllowedError, NotFoundError, parseInput, ValidationError } from "../src/errors";

// The one Pothos builder of this package's tests (plugin option types merge globally: one builder type per package).

interface Unit {
  code: string;
  name: string;
  foundedOn: string;
}

export interface SampleOptions {
  /** Lets a test hold `slow` open until it decides the request may finish. */
  slowGate?: { started: () => void; release: Promise<void> };
}

const renameUnitInput = z.object({
  code: z.string().regex(/^\d{5}$/, "must be a 5-digit unit code"),
  name: z.string().trim().min(2, "phải có ít nhất 2 ký tự").max(100, "không được quá 100 ký tự"),
});

export function createSampleSchema(options: SampleOptions = {}) {
  const units = new Map<string, Unit>(
    [
      { code: "26734", name: "Phường Bến Nghé", foundedOn: "1976-01-01" },
      { code: "26737", name: "Phường Đa Kao", foundedOn: "1976-01-01" },
      { code: "27004", name: "Xã Tân Nhựt", foundedOn: "1980-05-12" },
    ].map((unit) => [unit.code, unit]),
  );

  const builder = createBuilder();

  const UnitRef = builder.objectRef<Unit>("Unit").implement({
    fields: (t) => ({
      code: t.exposeString("code"),
      name: t.exposeString("name"),
      foundedOn: t.expose("foundedOn", { type: "Date" }),
    }),
  });
  builder.asEntity(UnitRef, {
    key: builder.selection<{ code: string }>("code"),
    resolveReference: ({ code }) => units.get(code) ?? null,
  });

  builder.queryType({
    fields: (t) => ({
      hello: t.string({ resolve: () => "Xin chào" }),
      me: t.authenticated.string({ resolve: (_root, _args, { principal }) => `${principal.name} (${principal.sub})` }),
      unit: t.field({
        type: UnitRef,
        nullable: true,
        args: { code: t.arg.string({ required: true }) },
        authScopes: (_root, { code }) => ({ unit: code }),
        resolve: (_root, { code }) => units.get(code) ?? null,
      }),
      units: t.connection({
        type: UnitRef,
        resolve: (_root, args) => {
          const all = [...units.values()];
          return resolveOffsetPage(args, all.length, ({ offset, limit }) => all.slice(offset, offset + limit));
        },
      }),
      boom: t.string({
        resolve: () => {
          throw new Error("connection to 10.0.0.5:27017 refused");
        },
      }),
      slow: t.string({
        resolve: async () => {
          options.slowGate?.started();
          await options.slowGate?.release;
          return "done";
        },
      }),
      echoDate: t.field({ type: "Date", args: { on: t.arg({ type: "Date", required: true }) }, resolve: (_root, { on }) => on }),
      echoDateTime: t.field({
        type: "DateTime",
        args: { at: t.arg({ type: "DateTime", required: true }) },
        resolve: (_root, { at }) => at,
      }),
    }),
  });

  const RenameUnitInput = builder.inputType("RenameUnitInput", {
    fields: (t) => ({ code: t.string({ required: true }), name: t.string({ required: true }) }),
  });

  builder.mutationType({
    fields: (t) => ({
      renameUnit: t.field({
        type: UnitRef,
        args: { input: t.arg({ type: RenameUnitInput, required: true }) },
        errors: payload("unit", ValidationError, NotAllowedError, NotFoundError),
        authScopes: (_root, { input }) => ({ $all: { role: ["unit_admin", "city_admin"], unit: input.code } }),
        resolve: (_root, { input }, { principal }) => {
          const { code, name } = orThrow(parseInput(renameUnitInput, input));
          if (!principal || !hasRole(principal, "unit_admin", "city_admin")) throw new NotAllowedError();
          const unit = units.get(code);
          if (!unit) throw new NotFoundError(`No unit has the code ${code}.`);
          const renamed = { ...unit, name };
          units.set(code, renamed);
          return renamed;
        },
      }),
    }),
  });

  return toSubgraphSchema(builder);
}
