import { describe, expect, it } from "vitest";
import type { Principal } from "@lienthong/auth/principal";
import { forDecider } from "@lienthong/testing/given-when-then";
import { decide, evolve, type ProgrammeCommand, type ProgrammeContext, type ProgrammeEvent } from "./programme";

const SAI_GON = "26740";
const sgAdmin: Principal = { sub: "sg-admin", name: "Lê Thị Hoa", roles: ["unit_admin"], units: [SAI_GON] };
const sgOfficer: Principal = { sub: "sg-officer", name: "Phạm Minh", roles: ["unit_officer"], units: [SAI_GON] };
const bdAdmin: Principal = { sub: "bd-admin", name: "Võ Văn Kiệt", roles: ["unit_admin"], units: ["27592"] };
const city: Principal = { sub: "city-admin", name: "Trần Văn Thành", roles: ["city_admin"], units: ["*"] };
const knownUnits = new Set([SAI_GON, "27592"]);
const given = forDecider<ProgrammeCommand, ProgrammeEvent, ReturnType<typeof evolve>, ProgrammeContext>(
  { decide, evolve, initialState: null },
  { principal: sgAdmin, knownUnits },
);

const details = {
  title: "Chương trình hành động thực hiện Nghị quyết Đại hội MTTQ phường Sài Gòn nhiệm kỳ 2025–2030",
  term: "2025–2030",
  periodFrom: "2025-11-01",
  periodTo: "2030-10-31",
  sourceDocument: {
    number: "01-NQ/ĐH",
    date: "2025-09-20",
    issuer: "Đại hội MTTQ phường Sài Gòn",
    summary: "Nghị quyết Đại hội đại biểu MTTQ phường lần thứ I",
  },
  targets: [{ indicator: "Hộ gia đình đạt chuẩn văn hóa", baseline: 92, targetValue: 97, unitOfMeasure: "%", period: "2030" }],
};
const created: ProgrammeEvent = {
  type: "ActionProgrammeCreated",
  data: { programmeId: "p-1", issuingUnit: SAI_GON, ...details, by: { name: sgAdmin.name, authority: `unit_admin of ${SAI_GON}` } },
};

describe("action programmes", () => {
  it("are created by the unit's admin with their source document and targets", () => {
    const { state } = given().when({ type: "CreateActionProgramme", programmeId: "p-1", issuingUnit: SAI_GON, details }).then([created]);
    expect(state).toMatchObject({ status: "ACTIVE", issuingUnit: SAI_GON, targets: [{ targetValue: 97 }] });
  });

  it("are refused to officers and to other wards' admins", () => {
    const create: ProgrammeCommand = { type: "CreateActionProgramme", programmeId: "p-1", issuingUnit: SAI_GON, details };
    given().when(create, { principal: sgOfficer, knownUnits }).thenError({ code: "NOT_ALLOWED" });
    given().when(create, { principal: bdAdmin, knownUnits }).thenError({ code: "NOT_ALLOWED" });
  });

  it("are refused for a unit code that is none of the official units, even to the city, and allowed for the city itself", () => {
    const create: ProgrammeCommand = { type: "CreateActionProgramme", programmeId: "p-1", issuingUnit: "00000", details };
    given()
      .when(create, { principal: city, knownUnits })
      .thenError({ code: "VALIDATION", fields: [{ path: ["issuingUnit"] }] });
    const { state } = given()
      .when({ ...create, issuingUnit: "*" }, { principal: city, knownUnits })
      .then([
        {
          type: "ActionProgrammeCreated",
          data: { programmeId: "p-1", issuingUnit: "*", ...details, by: { name: city.name, authority: "city_admin" } },
        },
      ]);
    expect(state).toMatchObject({ issuingUnit: "*", status: "ACTIVE" });
  });

  it("refuse a period that ends before it starts", () => {
    given(created)
      .when({ type: "UpdateActionProgramme", programmeId: "p-1", changes: { periodTo: "2025-01-01" } })
      .thenError({ code: "VALIDATION", fields: [{ path: ["periodTo"] }] });
  });

  it("are closed once, and cannot change after", () => {
    const closed: ProgrammeEvent = {
      type: "ActionProgrammeClosed",
      data: {
        programmeId: "p-1",
        issuingUnit: SAI_GON,
        reason: "Hoàn thành",
        by: { name: sgAdmin.name, authority: `unit_admin of ${SAI_GON}` },
      },
    };
    given(created).when({ type: "CloseActionProgramme", programmeId: "p-1", reason: "Hoàn thành" }).then([closed]);
    given(created, closed)
      .when({ type: "CloseActionProgramme", programmeId: "p-1", reason: "x" })
      .thenError({ code: "INVALID_TRANSITION" });
    given(created, closed)
      .when({ type: "UpdateActionProgramme", programmeId: "p-1", changes: { title: "x" } })
      .thenError({ code: "INVALID_TRANSITION" });
  });
});
