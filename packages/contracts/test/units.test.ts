import { describe, expect, it } from "vitest";
import { searchKey } from "../src/units";
import { parseUnitsCsv } from "../src/units-csv";
import { loadHcmcUnits } from "../src/units-file";

describe("the official list of HCMC units", () => {
  it("holds 168 distinct 5-digit codes: 113 wards, 54 communes, 1 special zone", () => {
    const units = loadHcmcUnits();
    expect(new Set(units.map((unit) => unit.code)).size).toBe(168);
    expect(units.every((unit) => /^\d{5}$/.test(unit.code))).toBe(true);
    expect(units.filter((unit) => unit.type === "PHUONG")).toHaveLength(113);
    expect(units.filter((unit) => unit.type === "XA")).toHaveLength(54);
    expect(units.filter((unit) => unit.type === "DAC_KHU").map((unit) => unit.fullName)).toEqual(["Đặc khu Côn Đảo"]);
  });

  it("folds case and Vietnamese diacritics for search", () => {
    expect(searchKey("  Xã  Bà Điểm ")).toBe("xa ba diem");
  });
});

describe("parsing a units CSV", () => {
  const header = "nso_code,name,type,former_province,former_districts,merged_former_units";

  it("reads quoted fields holding commas into the former districts", () => {
    const [unit] = parseUnitsCsv(`${header}\n26740,Sài Gòn,PHUONG,"TP.HCM (cũ)","Quận 1, Quận 3",3\n`);
    expect(unit).toMatchObject({ code: "26740", fullName: "Phường Sài Gòn", formerDistricts: ["Quận 1", "Quận 3"], mergedFormerUnits: 3 });
  });

  it("names the line and the field of a bad row", () => {
    expect(() => parseUnitsCsv(`${header}\n26740,Sài Gòn,PHUONG,"TP.HCM (cũ)","Quận 1",3\n2674,X,TOWN,P,D,1\n`)).toThrow(
      /line 3: nso_code must be a 5-digit NSO code; type/,
    );
  });

  it("refuses a code listed twice", () => {
    const row = '26740,Sài Gòn,PHUONG,"TP.HCM (cũ)","Quận 1",3';
    expect(() => parseUnitsCsv(`${header}\n${row}\n${row}\n`)).toThrow(/line 3: nso_code 26740 appears twice/);
  });

  it("refuses a file without the expected header", () => {
    expect(() => parseUnitsCsv("code,name\n26740,Sài Gòn\n")).toThrow(/header must be/);
  });
});
