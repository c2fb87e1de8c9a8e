import { describe, expect, it } from "vitest";
import { startDirectory } from "./support/directory-fixture";

describe("units, read by anyone", () => {
  it("finds Phường Sài Gòn by its NSO code", async () => {
    const { anonymous } = await startDirectory();
    const { data, errors } = await anonymous.request(`{ unit(code: "26740") { code fullName type formerDistricts } }`);
    expect(errors).toBeUndefined();
    expect(data).toEqual({ unit: { code: "26740", fullName: "Phường Sài Gòn", type: "PHUONG", formerDistricts: ["Quận 1"] } });
  });

  it("counts 168 units: 113 wards, 54 communes and 1 special zone", async () => {
    const { anonymous } = await startDirectory();
    const { data } = await anonymous.request<Record<string, { totalCount: number }>>(
      `{ all: units { totalCount } phuong: units(type: PHUONG) { totalCount } xa: units(type: XA) { totalCount } dacKhu: units(type: DAC_KHU) { totalCount } }`,
    );
    expect(data).toEqual({ all: { totalCount: 168 }, phuong: { totalCount: 113 }, xa: { totalCount: 54 }, dacKhu: { totalCount: 1 } });
  });

  it("searches without diacritics and pages through results", async () => {
    const { anonymous } = await startDirectory();
    const found = await anonymous.request<{ units: { edges: { node: { fullName: string } }[] } }>(
      `{ units(search: "ba diem") { edges { node { fullName } } } }`,
    );
    expect(found.data?.units.edges.map((edge) => edge.node.fullName)).toEqual(["Xã Bà Điểm"]);

    type Page = { units: { edges: { node: { code: string } }[]; pageInfo: { hasNextPage: boolean; endCursor: string } } };
    const first = await anonymous.request<Page>(`{ units(first: 100) { edges { node { code } } pageInfo { hasNextPage endCursor } } }`);
    const rest = await anonymous.request<Page>(
      `query($after: String) { units(first: 100, after: $after) { edges { node { code } } pageInfo { hasNextPage endCursor } } }`,
      {
        after: first.data?.units.pageInfo.endCursor,
      },
    );
    expect(first.data?.units.pageInfo.hasNextPage).toBe(true);
    expect(rest.data?.units.pageInfo.hasNextPage).toBe(false);
    const codes = [...(first.data?.units.edges ?? []), ...(rest.data?.units.edges ?? [])].map((edge) => edge.node.code);
    expect(new Set(codes).size).toBe(168);
  });

  it("refuses a page larger than the maximum instead of silently truncating", async () => {
    const { anonymous } = await startDirectory();
    const { errors } = await anonymous.request(`{ units(first: 500) { totalCount } }`);
    expect(errors?.[0]?.message).toMatch(/first: phải từ 0 đến 100/);
  });

  it("resolves a unit by its federation key", async () => {
    const { anonymous } = await startDirectory();
    const { data } = await anonymous.request(
      `{ _entities(representations: [{ __typename: "Unit", code: "27592" }]) { ... on Unit { fullName } } }`,
    );
    expect(data).toEqual({ _entities: [{ fullName: "Xã Bà Điểm" }] });
  });
});
