import { describe, expect, it } from "vitest";
import { hasRole, isCityLevel, mayActInUnit, mayReadUnit, type Principal } from "../src/principal";

const wardOfficer: Principal = { sub: "o-1", name: "Trần Thị B", roles: ["unit_officer"], units: ["26734"] };
const cityAdmin: Principal = { sub: "o-2", name: "Lê Văn C", roles: ["city_admin"], units: ["*"] };
const inspector: Principal = { sub: "o-3", name: "Phạm D", roles: ["inspector"], units: ["26737"] };

describe("principal helpers", () => {
  it("hasRole is true when any of the given roles is held", () => {
    expect(hasRole(wardOfficer, "unit_admin", "unit_officer")).toBe(true);
    expect(hasRole(wardOfficer, "city_admin")).toBe(false);
    expect(hasRole(wardOfficer)).toBe(false);
  });

  it("city level means the units list holds *", () => {
    expect(isCityLevel(cityAdmin)).toBe(true);
    expect(isCityLevel(wardOfficer)).toBe(false);
  });

  it("a ward officer acts only in the wards listed; city level acts everywhere", () => {
    expect(mayActInUnit(wardOfficer, "26734")).toBe(true);
    expect(mayActInUnit(wardOfficer, "26737")).toBe(false);
    expect(mayActInUnit(cityAdmin, "26737")).toBe(true);
  });

  it("inspectors read every unit but act only in theirs", () => {
    expect(mayReadUnit(inspector, "26734")).toBe(true);
    expect(mayActInUnit(inspector, "26734")).toBe(false);
    expect(mayReadUnit(wardOfficer, "26737")).toBe(false);
  });
});
