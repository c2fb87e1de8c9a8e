import { readFileSync } from "node:fs";
import { parseUnitsCsv } from "./units-csv";
import type { Unit } from "./unit";

/** The official list of Ho Chi Minh City's 168 units (NSO codes, 1 July 2025), shipped with the service. */
export function loadHcmcUnits(): Unit[] {
  return parseUnitsCsv(readFileSync(new URL("../../data/hcmc-units-2025.csv", import.meta.url), "utf8"));
}
