import { searchKey, type Unit, type UnitType } from "@lienthong/contracts/units";

export interface UnitFilter {
  type?: UnitType;
  search?: string;
}

export interface UnitCatalog {
  get(code: string): Unit | undefined;
  has(code: string): boolean;
  /** Units in NSO-code order, filtered by type and by a case- and diacritic-insensitive search on the name. */
  list(filter: UnitFilter): Unit[];
}

/** The 168 units are reference data: held in memory, looked up by code, searched by folded name. */
export function createUnitCatalog(units: readonly Unit[]): UnitCatalog {
  const sorted = [...units].sort((a, b) => a.code.localeCompare(b.code));
  const byCode = new Map(sorted.map((unit) => [unit.code, unit]));
  const keys = new Map(sorted.map((unit) => [unit.code, `${searchKey(unit.fullName)} ${searchKey(unit.name)}`]));
  return {
    get: (code) => byCode.get(code),
    has: (code) => byCode.has(code),
    list({ type, search }) {
      const wanted = search === undefined ? "" : searchKey(search);
      return sorted.filter(
        (unit) => (type === undefined || unit.type === type) && (wanted === "" || (keys.get(unit.code) ?? "").includes(wanted)),
      );
    },
  };
}
