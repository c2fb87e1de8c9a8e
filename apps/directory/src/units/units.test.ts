import { describe, expect, it } from "vitest";
import { loadHcmcUnits } from "@lienthong/contracts/units-file";
import { createUnitCatalog } from "./unit-catalog";

const catalog = createUnitCatalog(loadHcmcUnits());

describe("the HCMC unit catalogue", () => {
  it("holds the 168 units: 113 wards, 54 communes, 1 special zone", () => {
    expect(catalog.list({})).toHaveLength(168);
    expect(catalog.list({ type: "PHUONG" })).toHaveLength(113);
    expect(catalog.list({ type: "XA" })).toHaveLength(54);
    expect(catalog.list({ type: "DAC_KHU" }).map((unit) => unit.fullName)).toEqual(["Đặc khu Côn Đảo"]);
  });

  it("finds a unit by its NSO code with its full name and former districts", () => {
    expect(catalog.get("26740")).toMatchObject({
      name: "Sài Gòn",
      fullName: "Phường Sài Gòn",
      type: "PHUONG",
      formerDistricts: ["Quận 1"],
    });
    expect(catalog.get("99999")).toBeUndefined();
  });

  it("searches ignoring case and Vietnamese diacritics", () => {
    expect(catalog.list({ search: "ba diem" }).map((unit) => unit.fullName)).toEqual(["Xã Bà Điểm"]);
    expect(catalog.list({ search: "SAI GON" }).map((unit) => unit.code)).toContain("26740");
    expect(catalog.list({ search: "phường sài gòn" }).map((unit) => unit.code)).toEqual(["26740"]);
    expect(catalog.list({ search: "dac khu" })).toHaveLength(1);
  });

  it("keeps every former district of a unit formed from several", () => {
    const multi = catalog.list({}).filter((unit) => unit.formerDistricts.length > 1);
    expect(multi.length).toBeGreaterThan(0);
    expect(multi.every((unit) => unit.formerDistricts.every((district) => district.length > 0))).toBe(true);
  });
});
