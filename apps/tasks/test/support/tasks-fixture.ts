import pino from "pino";
import { onTestFinished } from "vitest";
import { signDevToken } from "@lienthong/auth/dev-token";
import type { Principal } from "@lienthong/auth/principal";
import { createVerifier } from "@lienthong/auth/verify";
import { openEmbeddedBus } from "@lienthong/bus/embedded-bus";
import { manualClock, type ManualClock } from "@lienthong/calendar/clock";
import { openEmbeddedStore } from "@lienthong/store/embedded";
import { graphqlClient } from "@lienthong/testing/graphql-client";
import { tempDir } from "@lienthong/testing/temp-dir";
import { assertNoEnglish } from "@lienthong/testing/vietnamese";
import { buildApp, type TasksDeps } from "../../src/app";
import { registerOfficials, type TestOfficial } from "./directory-events";

const SECRET = "tasks-tests-secret-at-least-32-characters!";

export const SAI_GON = "26740";
export const BA_DIEM = "27592";
/** Where the fixture's city inspectors are registered in directory (any unit will do for an inspection team). */
export const BEN_THANH = "26743";

export const people = {
  city: { sub: "city-admin", name: "Trần Văn Thành", roles: ["city_admin"], units: ["*"] },
  sgAdmin: { sub: "sg-admin", name: "Lê Thị Hoa", roles: ["unit_admin"], units: [SAI_GON] },
  sgOfficer: { sub: "sg-officer", name: "Phạm Minh", roles: ["unit_officer"], units: [SAI_GON] },
  lan: { sub: "o-lan", name: "Nguyễn Thị Lan", roles: ["unit_officer"], units: [SAI_GON] },
  bdOfficer: { sub: "bd-officer", name: "Đỗ Thu Hà", roles: ["unit_officer"], units: [BA_DIEM] },
  bdAdmin: { sub: "bd-admin", name: "Võ Văn Kiệt", roles: ["unit_admin"], units: [BA_DIEM] },
  inspector: { sub: "insp-an", name: "Hoàng Văn An", roles: ["inspector"], units: ["*"] },
} satisfies Record<string, Principal>;

/** The people above who are officials in directory (the city admin is a city-level principal, not an official). */
export const OFFICIALS: TestOfficial[] = [
  { id: people.sgAdmin.sub, fullName: people.sgAdmin.name, unit: SAI_GON, roles: ["unit_admin"] },
  { id: people.sgOfficer.sub, fullName: people.sgOfficer.name, unit: SAI_GON },
  { id: people.lan.sub, fullName: people.lan.name, unit: SAI_GON },
  { id: "o-minh", fullName: "Trần Văn Minh", unit: SAI_GON },
  { id: people.bdOfficer.sub, fullName: people.bdOfficer.name, unit: BA_DIEM },
  { id: people.bdAdmin.sub, fullName: people.bdAdmin.name, unit: BA_DIEM, roles: ["unit_admin"] },
  { id: people.inspector.sub, fullName: people.inspector.name, unit: BEN_THANH, roles: ["inspector"] },
  { id: "insp-binh", fullName: "Lý Thị Bình", unit: BEN_THANH, roles: ["inspector"] },
];

/** 2026-03-10 09:00 in Vietnam. */
export const START = "2026-03-10T02:00:00.000Z";

/**
 * A tasks service over an embedded store and bus in a temp folder, queried in-process. `restart` closes it and
 * opens the same folder again (a process restart), optionally with the clock moved. The fixture's officials are
 * registered first through directory's events on the bus, as directory would announce them (`officials: []` to
 * start with none).
 */
export async function startTasks(
  options: Partial<Pick<TasksDeps, "checklist" | "reminderOffsets">> & { officials?: readonly TestOfficial[] } = {},
) {
  const { officials = OFFICIALS, ...appOptions } = options;
  const dir = tempDir("tasks-");
  const clock: ManualClock = manualClock(START);
  let running = await open();

  async function open() {
    const store = await openEmbeddedStore({ dir: dir.path });
    const bus = await openEmbeddedBus({ db: store.db("bus") });
    const app = await buildApp({
      db: store.db("tasks"),
      bus,
      clock,
      verifier: createVerifier({ secret: SECRET }),
      log: pino({ level: "silent" }),
      ...appOptions,
    });
    await app.start();
    return { store, bus, app, close: async () => (await app.stop(), await bus.close(), await store.close()) };
  }

  onTestFinished(async () => {
    await running.close();
    await dir.remove();
  });

  const fetch = (request: Request) => running.app.subgraph.app.fetch(request);
  const service = {
    clock,
    get app() {
      return running.app;
    },
    get bus() {
      return running.bus;
    },
    get store() {
      return running.store;
    },
    fetch,
    async restart(at?: string) {
      await running.close();
      if (at) clock.set(at);
      running = await open();
    },
    token: (principal: Principal) => signDevToken(principal, SECRET),
    // Every response any test reads must speak Vietnamese to people.
    anonymous: graphqlClient(fetch, { check: assertNoEnglish }),
    as: async (principal: Principal) => graphqlClient(fetch, { token: await signDevToken(principal, SECRET), check: assertNoEnglish }),
  };
  if (officials.length > 0) await registerOfficials(service, officials);
  return service;
}
