import { readFileSync } from "node:fs";
import { parseUnitsCsv } from "./units-csv";
import type { Unit } from "./units";

/** The official list of Ho Chi Minh City's 168 units (NSO codes, 1 July 2025), shared reference data read from this package. */
export function loadHcmcUnits(): Unit[] {
  return parseUnitsCsv(readFileSync(new URL("../data/hcmc-units-2025.csv", import.meta.url), "utf8"));
}
