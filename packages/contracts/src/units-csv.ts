import { z } from "zod";
import { UNIT_TYPES, unitFullName, type Unit } from "./units";

const HEADER = "nso_code,name,type,former_province,former_districts,merged_former_units";

const rowSchema = z.object({
  nso_code: z.string().regex(/^\d{5}$/, "must be a 5-digit NSO code"),
  name: z.string().min(1, "must not be empty"),
  type: z.enum(UNIT_TYPES),
  former_province: z.string().min(1, "must not be empty"),
  former_districts: z.string().min(1, "must not be empty"),
  merged_former_units: z.coerce.number().int().nonnegative(),
});

/** Splits one CSV line; fields may be double-quoted and contain commas or doubled quotes. */
function splitCsvLine(line: string): string[] {
  const fields: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const char = line[i];
    if (quoted && char === '"' && line[i + 1] === '"') {
      field += '"';
      i++;
    } else if (char === '"') {
      quoted = !quoted;
    } else if (char === "," && !quoted) {
      fields.push(field);
      field = "";
    } else {
      field += char;
    }
  }
  fields.push(field);
  return fields;
}

/** Parses the reference list of units; any bad row fails with its line number, field and problem. */
export function parseUnitsCsv(text: string): Unit[] {
  const lines = text.split(/\r?\n/).filter((line) => line.trim() !== "");
  if (lines[0]?.trim() !== HEADER) throw new Error(`units CSV: header must be "${HEADER}"`);
  const columns = HEADER.split(",");
  const seen = new Set<string>();
  return lines.slice(1).map((line, index) => {
    const values = splitCsvLine(line);
    const row = rowSchema.safeParse(Object.fromEntries(columns.map((column, i) => [column, values[i]?.trim()])));
    const lineNumber = index + 2;
    if (!row.success) {
      const problems = row.error.issues.map((issue) => `${issue.path.join(".")} ${issue.message}`).join("; ");
      throw new Error(`units CSV line ${lineNumber}: ${problems}`);
    }
    if (seen.has(row.data.nso_code)) throw new Error(`units CSV line ${lineNumber}: nso_code ${row.data.nso_code} appears twice`);
    seen.add(row.data.nso_code);
    return {
      code: row.data.nso_code,
      name: row.data.name,
      type: row.data.type,
      fullName: unitFullName(row.data.type, row.data.name),
      formerProvince: row.data.former_province,
      formerDistricts: row.data.former_districts.split(",").map((district) => district.trim()),
      mergedFormerUnits: row.data.merged_former_units,
    };
  });
}
