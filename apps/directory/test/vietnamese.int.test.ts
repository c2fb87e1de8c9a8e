import { describe, expect, it } from "vitest";
import { expectVietnamese } from "@lienthong/testing/vietnamese";
import { answeredErrorMembers, mutationErrorMembers, type ErrorMemberCase } from "@lienthong/testing/vietnamese-schema";
import { BA_DIEM, people, SAI_GON, startDirectory } from "./support/directory-fixture";

const PAYLOAD = `__typename ... on Error { code message } ... on ValidationError { fields { path message } }`;
const REGISTER = `mutation($input: RegisterOfficialInput!) { registerOfficial(input: $input) { ${PAYLOAD} } }`;
const UPDATE = `mutation($input: UpdateOfficialInput!) { updateOfficial(input: $input) { ${PAYLOAD} } }`;
const DEACTIVATE = `mutation($input: DeactivateOfficialInput!) { deactivateOfficial(input: $input) { ${PAYLOAD} } }`;

const lan = { fullName: "Nguyễn Thị Lan", position: "Phó Chủ tịch", unit: SAI_GON, roles: ["unit_officer"] };

// Members no request can reach: registering names no existing record and gets a fresh id (never "not found" or
// "already registered"), and a conflict needs two writers racing past the store's retries.
const UNREACHABLE: Record<string, string[]> = {
  registerOfficial: ["ConflictError", "InvalidTransitionError", "NotFoundError"],
  updateOfficial: ["ConflictError"],
  deactivateOfficial: ["ConflictError"],
};

describe("every message a directory user can see is Vietnamese", () => {
  it("on each error member of each mutation", async () => {
    const { app, as } = await startDirectory();
    const city = await as(people.cityAdmin);
    const saiGonAdmin = await as(people.saiGonAdmin);
    const baDiemAdmin = await as(people.baDiemAdmin);
    const registered = await city.request<{ registerOfficial: { official: { id: string } } }>(
      `mutation($input: RegisterOfficialInput!) { registerOfficial(input: $input) { ... on RegisterOfficialSuccess { official { id } } } }`,
      { input: lan },
    );
    const id = registered.data?.registerOfficial.official.id as string;
    const gone = await city.request<{ registerOfficial: { official: { id: string } } }>(
      `mutation($input: RegisterOfficialInput!) { registerOfficial(input: $input) { ... on RegisterOfficialSuccess { official { id } } } }`,
      { input: { ...lan, fullName: "Đỗ Văn Nam" } },
    );
    const goneId = gone.data?.registerOfficial.official.id as string;
    await city.request(DEACTIVATE, { input: { id: goneId, reason: "Nghỉ hưu" } });

    const cases: ErrorMemberCase[] = [
      [city, REGISTER, { ...lan, fullName: " ", email: "not-an-email", phone: "123", roles: [] }, "ValidationError"],
      [city, REGISTER, { ...lan, unit: "99999" }, "ValidationError"],
      [city, REGISTER, { ...lan, roles: ["UNIT_OFFICER"] }, "ValidationError"],
      [city, REGISTER, { ...lan, unit: "*", roles: ["unit_admin"] }, "ValidationError"],
      [baDiemAdmin, REGISTER, lan, "NotAllowedError"],
      [saiGonAdmin, REGISTER, { ...lan, roles: ["city_admin"] }, "NotAllowedError"],
      [saiGonAdmin, REGISTER, { ...lan, unit: "*", roles: ["inspector"] }, "NotAllowedError"],
      [city, UPDATE, { id }, "ValidationError"],
      [city, UPDATE, { id, fullName: "x".repeat(201) }, "ValidationError"],
      [baDiemAdmin, UPDATE, { id, position: "Chủ tịch" }, "NotAllowedError"],
      [saiGonAdmin, UPDATE, { id, unit: BA_DIEM }, "NotAllowedError"],
      [city, UPDATE, { id: "nobody", position: "Chủ tịch" }, "NotFoundError"],
      [city, UPDATE, { id: goneId, position: "Chủ tịch" }, "InvalidTransitionError"],
      [city, DEACTIVATE, { id, reason: " " }, "ValidationError"],
      [baDiemAdmin, DEACTIVATE, { id, reason: "Chuyển công tác" }, "NotAllowedError"],
      [city, DEACTIVATE, { id: "nobody", reason: "Chuyển công tác" }, "NotFoundError"],
      [city, DEACTIVATE, { id: goneId, reason: "Chuyển công tác" }, "InvalidTransitionError"],
    ];

    expect((await answeredErrorMembers(cases)).sort()).toEqual(mutationErrorMembers(app.schema, UNREACHABLE).sort());
  });

  it("when the caller is not authenticated, or sends a bad token", async () => {
    const { anonymous } = await startDirectory();
    for (const token of [undefined, "not-a-token", "eyJhbGciOiJIUzI1NiJ9.e30.bad-signature"]) {
      const options = token === undefined ? {} : { token };
      for (const [query, variables] of [
        [REGISTER, { input: lan }],
        [`{ officials { totalCount } }`, undefined],
        [`{ me { name } }`, undefined],
      ] as const) {
        const response = await anonymous.request(query, variables, options);
        expect(response.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
        expectVietnamese(response);
      }
    }
  });

  it("for bad variables, arguments, selections and paging", async () => {
    const { as } = await startDirectory();
    const city = await as(people.cityAdmin);
    const requests: [query: string, variables?: Record<string, unknown>][] = [
      [REGISTER, {}],
      [REGISTER, { input: { fullName: "Nguyễn Thị Lan" } }],
      [REGISTER, { input: { ...lan, fullName: 5 } }],
      [REGISTER, { input: { ...lan, rank: "cao" } }],
      [`mutation { registerOfficial(input: { fullName: "Lan" }) { __typename } }`],
      [`mutation { registerOfficial(input: { fullName: "Lan", position: "x", unit: "26740", roles: [] }) { nope } }`],
      [`{ officials(role: UNIT_OFFICER) { totalCount } }`],
      [`{ units(type: PHUONGX) { totalCount } }`],
      [`{ units(first: 500) { totalCount } }`],
      [`{ units(first: -1) { totalCount } }`],
      [`{ units(after: "not-a-cursor") { totalCount } }`],
      [`{ unit { code } }`],
      [`query($code: ID!) { unit(code: $code) { code } }`],
      [`{ unit(code: "26740") { code `],
    ];
    for (const [query, variables] of requests) {
      const response = await city.request(query, variables);
      expect(response.errors?.length ?? 0, query).toBeGreaterThan(0);
      expectVietnamese(response);
    }
  });
});
