import { describe, expect, it } from "vitest";
import type { Envelope } from "@lienthong/contracts/envelope";
import { officialRegistered } from "@lienthong/contracts/directory";
import { BA_DIEM, people, SAI_GON, startDirectory } from "./support/directory-fixture";

const REGISTER = `mutation($input: RegisterOfficialInput!) {
  registerOfficial(input: $input) {
    __typename
    ... on RegisterOfficialSuccess { official { id fullName position roles email unit { code fullName } } }
    ... on Error { code message }
    ... on ValidationError { fields { path message } }
  }
}`;

const lan = {
  fullName: "Nguyễn Thị Lan",
  position: "Phó Chủ tịch",
  unit: SAI_GON,
  roles: ["unit_officer"],
  email: "lan@mttq.hcm.vn",
  phone: "0901234567",
};

type RegisterResult = {
  registerOfficial: { __typename: string; official?: { id: string }; code?: string; fields?: { path: string[]; message: string }[] };
};

describe("registering officials", () => {
  it("lets a city admin register an official, who can then be read with a token", async () => {
    const { as } = await startDirectory();
    const admin = await as(people.cityAdmin);
    const { data } = await admin.request<RegisterResult>(REGISTER, { input: lan });
    expect(data?.registerOfficial).toMatchObject({
      __typename: "RegisterOfficialSuccess",
      official: {
        fullName: "Nguyễn Thị Lan",
        roles: ["unit_officer"],
        email: "lan@mttq.hcm.vn",
        unit: { code: SAI_GON, fullName: "Phường Sài Gòn" },
      },
    });
    const id = data?.registerOfficial.official?.id;

    const officer = await as(people.saiGonOfficer);
    const read = await officer.request(
      `query($id: ID!) { official(id: $id) { fullName position } unit(code: "${SAI_GON}") { officials { totalCount edges { node { id } } } } }`,
      { id },
    );
    expect(read.data).toEqual({
      official: { fullName: "Nguyễn Thị Lan", position: "Phó Chủ tịch" },
      unit: { officials: { totalCount: 1, edges: [{ node: { id } }] } },
    });
  });

  it("publishes official.registered on the bus with who did it", async () => {
    const { as, bus } = await startDirectory();
    const received: Envelope[] = [];
    const consumer = await bus.consume({
      durable: "test.registered",
      subject: officialRegistered.subject,
      handler: async (event) => void received.push(event),
    });
    const admin = await as(people.saiGonAdmin);
    const { data } = await admin.request<RegisterResult>(REGISTER, { input: lan });
    await expect.poll(() => received.length).toBe(1);
    await consumer.stop();
    expect(received[0]).toMatchObject({
      type: "lienthong.directory.official.registered.v1",
      subject: data?.registerOfficial.official?.id,
      actor: people.saiGonAdmin.sub,
      unit: SAI_GON,
      data: { fullName: "Nguyễn Thị Lan", unit: SAI_GON, roles: ["unit_officer"] },
    });
  });

  it("counts relayed events and shows an empty outbox on /metrics", async () => {
    const { as, app } = await startDirectory();
    await (await as(people.cityAdmin)).request<RegisterResult>(REGISTER, { input: lan });
    await expect
      .poll(async () => (await app.subgraph.app.request("/metrics")).text())
      .toMatch(/lt_events_relayed_total\{service="directory",type="lienthong\.directory\.official\.registered\.v1"\} 1/);
    expect(await (await app.subgraph.app.request("/metrics")).text()).toMatch(/^lt_outbox_depth 0$/m);
  });

  it("asks an anonymous caller to authenticate", async () => {
    const { anonymous } = await startDirectory();
    const { data, errors } = await anonymous.request(REGISTER, { input: lan });
    expect(data ?? null).toBeNull();
    expect(errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
  });

  it("refuses a ward admin registering in another ward, and writes nothing", async () => {
    const { as } = await startDirectory();
    const baDiemAdmin = await as(people.baDiemAdmin);
    const { data } = await baDiemAdmin.request<RegisterResult>(REGISTER, { input: lan });
    expect(data?.registerOfficial).toMatchObject({ __typename: "NotAllowedError", code: "NOT_ALLOWED" });
    const city = await as(people.cityAdmin);
    expect((await city.request(`{ officials { totalCount } }`)).data).toEqual({ officials: { totalCount: 0 } });
  });

  it("names every bad field of malformed input, and writes nothing", async () => {
    const { as } = await startDirectory();
    const admin = await as(people.cityAdmin);
    const { data } = await admin.request<RegisterResult>(REGISTER, { input: { ...lan, fullName: "  ", email: "not-an-email", roles: [] } });
    expect(data?.registerOfficial.__typename).toBe("ValidationError");
    expect(data?.registerOfficial.fields?.map((field) => field.path.join("."))).toEqual(["fullName", "roles", "email"]);

    const unknownUnit = await admin.request<RegisterResult>(REGISTER, { input: { ...lan, unit: "99999" } });
    expect(unknownUnit.data?.registerOfficial).toMatchObject({
      __typename: "ValidationError",
      fields: [{ path: ["unit"], message: expect.stringContaining('"99999"') }],
    });

    const unknownRole = await admin.request<RegisterResult>(REGISTER, { input: { ...lan, roles: ["unit_officer", "UNIT_OFFICER"] } });
    expect(unknownRole.data?.registerOfficial).toMatchObject({
      __typename: "ValidationError",
      fields: [{ path: ["roles", "1"], message: expect.stringContaining('"UNIT_OFFICER"') }],
    });

    expect((await admin.request(`{ officials { totalCount } }`)).data).toEqual({ officials: { totalCount: 0 } });
  });
});

describe("officials of the city committee (unit *)", () => {
  it("are registered by a city admin, announced with unit *, and are no unit of the 168", async () => {
    const { as, anonymous, bus } = await startDirectory();
    const received: Envelope[] = [];
    const consumer = await bus.consume({
      durable: "test.city-registered",
      subject: officialRegistered.subject,
      handler: async (event) => void received.push(event),
    });
    const city = await as(people.cityAdmin);
    const register = `mutation($input: RegisterOfficialInput!) { registerOfficial(input: $input) {
      __typename ... on RegisterOfficialSuccess { official { id roles unit { code } unitCode unitName } } } }`;
    const thanh = { fullName: "Trần Văn Thành", position: "Phó Chủ tịch", unit: "*", roles: ["city_admin"] };
    const { data } = await city.request<{ registerOfficial: { official: { id: string } } }>(register, { input: thanh });
    expect(data?.registerOfficial).toEqual({
      __typename: "RegisterOfficialSuccess",
      official: {
        id: expect.any(String),
        roles: ["city_admin"],
        unit: null,
        unitCode: "*",
        unitName: "Ủy ban MTTQ Việt Nam Thành phố Hồ Chí Minh",
      },
    });
    await expect.poll(() => received.length).toBe(1);
    await consumer.stop();
    expect(received[0]).toMatchObject({ unit: "*", data: { officialId: data?.registerOfficial.official.id, unit: "*" } });

    const refused = await (await as(people.saiGonAdmin)).request(register, { input: { ...thanh, roles: ["city_viewer"] } });
    expect(refused.data).toEqual({ registerOfficial: { __typename: "NotAllowedError" } });
    expect((await anonymous.request<{ units: { totalCount: number } }>(`{ units { totalCount } }`)).data?.units.totalCount).toBe(168);
    expect((await anonymous.request(`{ unit(code: "*") { code } }`)).data).toEqual({ unit: null });
  });
});

describe("updating and deactivating officials", () => {
  async function withLan() {
    const directory = await startDirectory();
    const admin = await directory.as(people.cityAdmin);
    const { data } = await admin.request<RegisterResult>(REGISTER, { input: lan });
    return { ...directory, admin, id: data?.registerOfficial.official?.id as string };
  }

  it("lets the ward's own admin update and then deactivate, but not another ward's admin", async () => {
    const { as, id } = await withLan();
    const update = `mutation($input: UpdateOfficialInput!) { updateOfficial(input: $input) { __typename ... on UpdateOfficialSuccess { official { position email } } } }`;
    const other = await as(people.baDiemAdmin);
    expect((await other.request(update, { input: { id, position: "Chủ tịch" } })).data).toEqual({
      updateOfficial: { __typename: "NotAllowedError" },
    });

    const own = await as(people.saiGonAdmin);
    expect((await own.request(update, { input: { id, position: "Chủ tịch", email: null } })).data).toEqual({
      updateOfficial: { __typename: "UpdateOfficialSuccess", official: { position: "Chủ tịch", email: null } },
    });

    const deactivate = `mutation($input: DeactivateOfficialInput!) { deactivateOfficial(input: $input) { __typename ... on DeactivateOfficialSuccess { official { active } } } }`;
    expect((await own.request(deactivate, { input: { id, reason: "Nghỉ hưu" } })).data).toEqual({
      deactivateOfficial: { __typename: "DeactivateOfficialSuccess", official: { active: false } },
    });
    expect((await own.request(deactivate, { input: { id, reason: "Nghỉ hưu" } })).data).toEqual({
      deactivateOfficial: { __typename: "InvalidTransitionError" },
    });
  });

  it("resolves many officials by federation key in one request, in order, with null for an unknown id", async () => {
    const { admin, id } = await withLan();
    const other = await admin.request<RegisterResult>(REGISTER, { input: { ...lan, fullName: "Đỗ Văn Nam", email: null, phone: null } });
    const otherId = other.data?.registerOfficial.official?.id;
    const { data } = await admin.request(`query($reps: [_Any!]!) { _entities(representations: $reps) { ... on Official { fullName } } }`, {
      reps: [
        { __typename: "Official", id: otherId },
        { __typename: "Official", id: "nobody" },
        { __typename: "Official", id },
      ],
    });
    expect(data).toEqual({ _entities: [{ fullName: "Đỗ Văn Nam" }, null, { fullName: "Nguyễn Thị Lan" }] });
  });

  it("masks contact details from officers of other wards", async () => {
    const { as, id } = await withLan();
    const query = `query($id: ID!) { official(id: $id) { email phone } }`;
    expect((await (await as(people.baDiemOfficer)).request(query, { id })).data).toEqual({ official: { email: null, phone: null } });
    expect((await (await as(people.saiGonOfficer)).request(query, { id })).data).toEqual({
      official: { email: "lan@mttq.hcm.vn", phone: "0901234567" },
    });
  });

  it("filters officials by unit, role and a diacritic-free search", async () => {
    const { admin } = await withLan();
    const hoa = { fullName: "Lê Thị Hoa", position: "Chủ tịch", unit: BA_DIEM, roles: ["unit_admin"] };
    await admin.request(REGISTER, { input: hoa });
    const names = async (args: string) =>
      (
        (
          await admin.request<{ officials: { edges: { node: { fullName: string } }[] } }>(
            `{ officials(${args}) { edges { node { fullName } } } }`,
          )
        ).data?.officials.edges ?? []
      ).map((edge) => edge.node.fullName);
    expect(await names(`unit: "${BA_DIEM}"`)).toEqual(["Lê Thị Hoa"]);
    expect(await names(`role: unit_officer`)).toEqual(["Nguyễn Thị Lan"]);
    expect(await names(`search: "nguyen thi"`)).toEqual(["Nguyễn Thị Lan"]);
    expect(await names(`search: ".*"`)).toEqual([]);
  });

  it("tells the caller who they are, and their official record when the token's subject is one", async () => {
    const { as, id } = await withLan();
    const lanHerself = await as({ sub: id, name: "Nguyễn Thị Lan", roles: ["unit_officer"], units: [SAI_GON] });
    expect((await lanHerself.request(`{ me { sub roles units official { fullName email } } }`)).data).toEqual({
      me: { sub: id, roles: ["unit_officer"], units: [SAI_GON], official: { fullName: "Nguyễn Thị Lan", email: "lan@mttq.hcm.vn" } },
    });
  });
});
