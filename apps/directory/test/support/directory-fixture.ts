import pino from "pino";
import { onTestFinished } from "vitest";
import { signDevToken } from "@lienthong/auth/dev-token";
import type { Principal } from "@lienthong/auth/principal";
import { createVerifier } from "@lienthong/auth/verify";
import { openEmbeddedBus } from "@lienthong/bus/embedded-bus";
import { fixedClock } from "@lienthong/calendar/clock";
import { openEmbeddedStore } from "@lienthong/store/embedded";
import { graphqlClient } from "@lienthong/testing/graphql-client";
import { assertNoEnglish } from "@lienthong/testing/vietnamese";
import { tempDir } from "@lienthong/testing/temp-dir";
import { buildApp } from "../../src/app";

const SECRET = "directory-tests-secret-at-least-32-characters";

export const SAI_GON = "26740";
export const BA_DIEM = "27592";

export const people = {
  cityAdmin: { sub: "city-admin", name: "Trần Văn Thành", roles: ["city_admin"], units: ["*"] },
  saiGonAdmin: { sub: "sg-admin", name: "Lê Thị Hoa", roles: ["unit_admin"], units: [SAI_GON] },
  saiGonOfficer: { sub: "sg-officer", name: "Phạm Minh", roles: ["unit_officer"], units: [SAI_GON] },
  baDiemAdmin: { sub: "bd-admin", name: "Võ Văn Kiệt", roles: ["unit_admin"], units: [BA_DIEM] },
  baDiemOfficer: { sub: "bd-officer", name: "Đỗ Thu Hà", roles: ["unit_officer"], units: [BA_DIEM] },
} satisfies Record<string, Principal>;

/**
 * A directory service over a fresh embedded store and bus, queried in-process through its Hono app. Every response
 * of every directory test is checked for messages that are not Vietnamese.
 */
export async function startDirectory() {
  const dir = tempDir("directory-");
  const store = await openEmbeddedStore({ dir: dir.path });
  const bus = await openEmbeddedBus({ db: store.db("bus") });
  const app = await buildApp({
    db: store.db("directory"),
    bus,
    clock: fixedClock("2026-03-02T02:00:00.000Z"),
    verifier: createVerifier({ secret: SECRET }),
    log: pino({ level: "silent" }),
  });
  await app.start();
  onTestFinished(async () => {
    await app.stop();
    await bus.close();
    await store.close();
    dir.remove();
  });
  const fetch = (request: Request) => app.subgraph.app.fetch(request);
  return {
    app,
    store,
    bus,
    anonymous: graphqlClient(fetch, { check: assertNoEnglish }),
    as: async (principal: Principal) => graphqlClient(fetch, { token: await signDevToken(principal, SECRET), check: assertNoEnglish }),
  };
}
