import { describe, expect, it } from "vitest";
import { actorLabel, CITY_COMMITTEE, unitLabel } from "../src/labels";

describe("labels", () => {
  it("names a ward by its full Vietnamese name and the city committee for *", () => {
    expect(unitLabel("26740")).toBe("Phường Sài Gòn");
    expect(unitLabel("*")).toBe(CITY_COMMITTEE);
  });

  it("describes an actor by role and unit, as a history entry reads", () => {
    expect(actorLabel({ roles: ["unit_admin"], units: ["26740"] })).toBe("Chủ tịch Ủy ban MTTQ Phường Sài Gòn");
    expect(actorLabel({ roles: ["city_admin"], units: ["*"] })).toBe("Lãnh đạo Ủy ban MTTQ Thành phố");
  });
});
