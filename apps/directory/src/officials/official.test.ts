import { describe, expect, it } from "vitest";
import type { Principal } from "@lienthong/auth/principal";
import { forDecider } from "@lienthong/testing/given-when-then";
import { decide, evolve, type OfficialCommand, type OfficialContext, type OfficialEvent } from "./official";

const SAI_GON = "26740";
const BA_DIEM = "27592";
const cityAdmin: Principal = { sub: "city-1", name: "Trần Văn Thành", roles: ["city_admin"], units: ["*"] };
const saiGonAdmin: Principal = { sub: "sg-admin", name: "Lê Thị Hoa", roles: ["unit_admin"], units: [SAI_GON] };
const saiGonOfficer: Principal = { sub: "sg-officer", name: "Phạm Minh", roles: ["unit_officer"], units: [SAI_GON] };

const contextOf = (principal: Principal): OfficialContext => ({ principal, unitExists: (code) => [SAI_GON, BA_DIEM].includes(code) });
const given = forDecider<OfficialCommand, OfficialEvent, ReturnType<typeof evolve>, OfficialContext>(
  { decide, evolve, initialState: null },
  contextOf(cityAdmin),
);

const details = {
  fullName: "Nguyễn Thị Lan",
  position: "Phó Chủ tịch",
  unit: SAI_GON,
  roles: ["unit_officer" as const],
  email: "lan@example.vn",
};
const register: OfficialCommand = { type: "RegisterOfficial", officialId: "o-1", details };
const registered: OfficialEvent = { type: "OfficialRegistered", data: { officialId: "o-1", ...details } };

describe("registering an official", () => {
  it("is recorded when a city admin registers one in any unit", () => {
    const { state } = given().when(register).then([registered]);
    expect(state).toEqual({ id: "o-1", ...details, active: true });
  });

  it("is allowed to the admin of that same ward", () => {
    given().when(register, contextOf(saiGonAdmin)).then([registered]);
  });

  it("is refused to the admin of another ward", () => {
    const other = { ...register, details: { ...details, unit: BA_DIEM } };
    given().when(other, contextOf(saiGonAdmin)).thenError({ code: "NOT_ALLOWED" });
  });

  it("is refused when a ward admin grants a city-wide role, even in their own ward", () => {
    const escalation = { ...register, details: { ...details, roles: ["unit_officer" as const, "city_admin" as const] } };
    given()
      .when(escalation, contextOf(saiGonAdmin))
      .thenError({ code: "NOT_ALLOWED", message: expect.stringContaining("(city_admin)") });
    given(registered)
      .when({ type: "UpdateOfficial", officialId: "o-1", changes: { roles: ["inspector"] } }, contextOf(saiGonAdmin))
      .thenError({ code: "NOT_ALLOWED" });
    given()
      .when(escalation)
      .then([{ type: "OfficialRegistered", data: { officialId: "o-1", ...escalation.details } }]);
  });

  it("is refused to a plain officer, even in their own ward", () => {
    given().when(register, contextOf(saiGonOfficer)).thenError({ code: "NOT_ALLOWED" });
  });

  it("names the unit field when the unit code is unknown", () => {
    const unknownUnit = { ...register, details: { ...details, unit: "99999" } };
    given()
      .when(unknownUnit)
      .thenError({ code: "VALIDATION", fields: [{ path: ["unit"], message: expect.stringContaining('"99999"') }] });
  });
});

describe("an official of the city committee (unit *)", () => {
  const cityOfficial = { ...details, unit: "*", roles: ["city_admin" as const, "inspector" as const] };
  const registerCity: OfficialCommand = { type: "RegisterOfficial", officialId: "c-1", details: cityOfficial };

  it("is registered by a city admin, with city roles", () => {
    const { state } = given()
      .when(registerCity)
      .then([{ type: "OfficialRegistered", data: { officialId: "c-1", ...cityOfficial } }]);
    expect(state).toMatchObject({ unit: "*", active: true });
  });

  it("is refused to a ward admin, even one whose token lists *", () => {
    const wardAdminAtCity: Principal = { ...saiGonAdmin, units: ["*"] };
    given().when(registerCity, contextOf(saiGonAdmin)).thenError({ code: "NOT_ALLOWED" });
    given()
      .when({ ...registerCity, details: { ...cityOfficial, roles: ["city_viewer"] } }, contextOf(wardAdminAtCity))
      .thenError({ code: "NOT_ALLOWED" });
  });

  it("does not hold a ward committee's roles, naming the role refused", () => {
    given()
      .when({ ...registerCity, details: { ...cityOfficial, roles: ["inspector", "unit_officer"] } })
      .thenError({ code: "VALIDATION", fields: [{ path: ["roles", "1"], message: expect.stringContaining("(unit_officer)") }] });
    given(registered)
      .when({ type: "UpdateOfficial", officialId: "o-1", changes: { unit: "*" } })
      .thenError({ code: "VALIDATION", fields: [{ path: ["roles", "0"], message: expect.stringContaining("(unit_officer)") }] });
  });
});

describe("updating an official", () => {
  it("changes only the fields named and can clear the e-mail", () => {
    const update: OfficialCommand = { type: "UpdateOfficial", officialId: "o-1", changes: { position: "Chủ tịch", email: null } };
    const { state } = given(registered)
      .when(update)
      .then([{ type: "OfficialUpdated", data: { officialId: "o-1", changes: { position: "Chủ tịch", email: null } } }]);
    expect(state).toEqual({
      id: "o-1",
      fullName: details.fullName,
      position: "Chủ tịch",
      unit: SAI_GON,
      roles: ["unit_officer"],
      active: true,
    });
  });

  it("refuses to move an official into a ward the admin does not manage", () => {
    const move: OfficialCommand = { type: "UpdateOfficial", officialId: "o-1", changes: { unit: BA_DIEM } };
    given(registered).when(move, contextOf(saiGonAdmin)).thenError({ code: "NOT_ALLOWED" });
  });

  it("refuses an update that changes nothing", () => {
    given(registered).when({ type: "UpdateOfficial", officialId: "o-1", changes: {} }).thenError({ code: "VALIDATION" });
  });

  it("says not found for an unknown official", () => {
    given()
      .when({ type: "UpdateOfficial", officialId: "o-9", changes: { position: "x" } })
      .thenError({ code: "NOT_FOUND" });
  });
});

describe("deactivating an official", () => {
  const deactivate: OfficialCommand = { type: "DeactivateOfficial", officialId: "o-1", reason: "nghỉ hưu" };
  const deactivated: OfficialEvent = { type: "OfficialDeactivated", data: { officialId: "o-1", unit: SAI_GON, reason: "nghỉ hưu" } };

  it("marks the official inactive", () => {
    expect(given(registered).when(deactivate).then([deactivated]).state).toMatchObject({ active: false });
  });

  it("cannot happen twice, and a deactivated official cannot be updated", () => {
    given(registered, deactivated).when(deactivate).thenError({ code: "INVALID_TRANSITION" });
    given(registered, deactivated)
      .when({ type: "UpdateOfficial", officialId: "o-1", changes: { position: "x" } })
      .thenError({ code: "INVALID_TRANSITION" });
  });
});
