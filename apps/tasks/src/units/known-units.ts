import type { FieldProblem } from "@lienthong/contracts/errors";
import { loadHcmcUnits } from "@lienthong/contracts/units-file";

/** The official unit codes (HCMC's 168 units), handed to deciders in their context so they refuse made-up codes without I/O. */
export type KnownUnits = ReadonlySet<string>;

export function loadKnownUnits(): KnownUnits {
  return new Set(loadHcmcUnits().map((unit) => unit.code));
}

/** One problem on `field` when `code` is not an official unit code; none otherwise. */
export function unknownUnitProblems(field: string, code: string, known: KnownUnits): FieldProblem[] {
  return known.has(code) ? [] : [{ path: [field], message: `Mã đơn vị "${code}" không có trong danh mục đơn vị hành chính.` }];
}
