import { resolveOffsetPage } from "@lienthong/subgraph/connections";
import { UNIT_TYPES, type Unit } from "@lienthong/contracts/units";
import type { UnitCatalog } from "../units/unit-catalog";
import type { DirectoryBuilder } from "./builder";

export function addUnitSchema(builder: DirectoryBuilder, units: UnitCatalog) {
  const UnitTypeEnum = builder.enumType("UnitType", {
    description: "PHUONG = phường (ward), XA = xã (commune), DAC_KHU = đặc khu (special zone).",
    values: UNIT_TYPES,
  });

  const UnitRef = builder.objectRef<Unit>("Unit");
  builder.asEntity(UnitRef, { key: builder.selection<{ code: string }>("code"), resolveReference: ({ code }) => units.get(code) ?? null });

  UnitRef.implement({
    description: "A ward, commune or special zone of Ho Chi Minh City (since 1 July 2025).",
    fields: (t) => ({
      code: t.exposeID("code", { description: "5-digit code of the General Statistics Office (NSO)." }),
      name: t.exposeString("name"),
      fullName: t.exposeString("fullName", { description: 'e.g. "Phường Sài Gòn", "Xã Bà Điểm".' }),
      type: t.expose("type", { type: UnitTypeEnum }),
      formerProvince: t.exposeString("formerProvince"),
      formerDistricts: t.exposeStringList("formerDistricts"),
    }),
  });

  builder.queryFields((t) => ({
    unit: t.field({
      type: UnitRef,
      nullable: true,
      args: { code: t.arg.id({ required: true }) },
      resolve: (_root, { code }) => units.get(String(code)) ?? null,
    }),
    units: t.connection({
      type: UnitRef,
      description: "Units in NSO-code order; `search` ignores case and Vietnamese diacritics.",
      args: { type: t.arg({ type: UnitTypeEnum }), search: t.arg.string() },
      resolve: (_root, args) => {
        const matching = units.list({ type: args.type ?? undefined, search: args.search ?? undefined });
        return resolveOffsetPage(args, matching.length, ({ offset, limit }) => matching.slice(offset, offset + limit));
      },
    }),
  }));

  return UnitRef;
}
