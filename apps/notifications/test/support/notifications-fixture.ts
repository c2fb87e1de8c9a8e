import pino from "pino";
import { onTestFinished } from "vitest";
import { signDevToken } from "@lienthong/auth/dev-token";
import type { Principal } from "@lienthong/auth/principal";
import { createVerifier } from "@lienthong/auth/verify";
import { openEmbeddedBus } from "@lienthong/bus/embedded-bus";
import type { EventBus } from "@lienthong/bus/event-bus";
import { systemClock, type Clock } from "@lienthong/calendar/clock";
import { openEmbeddedStore, type EmbeddedStore } from "@lienthong/store/embedded";
import { graphqlClient } from "@lienthong/testing/graphql-client";
import { assertNoEnglish } from "@lienthong/testing/vietnamese";
import { tempDir } from "@lienthong/testing/temp-dir";
import { buildApp, type NotificationsApp, type NotificationsDeps } from "../../src/app";

export const SECRET = "notifications-tests-secret-at-least-32-chars";

export const SAI_GON = "26740";
export const BA_DIEM = "27592";

/** Demo officials: the principal's sub is the official's id, as the directory issues it. */
export const people = {
  cityAdmin: { sub: "city-admin", name: "Trần Văn Thành", roles: ["city_admin"], units: ["*"] },
  saiGonAdmin: { sub: "sg-admin", name: "Nguyễn Thị Lan", roles: ["unit_admin"], units: [SAI_GON] },
  saiGonOfficer: { sub: "sg-officer", name: "Phạm Văn Minh", roles: ["unit_officer"], units: [SAI_GON] },
  saiGonOfficer2: { sub: "sg-officer-2", name: "Lê Thị Hồng", roles: ["unit_officer"], units: [SAI_GON] },
  baDiemAdmin: { sub: "bd-admin", name: "Huỳnh Thị Mai", roles: ["unit_admin"], units: [BA_DIEM] },
  baDiemOfficer: { sub: "bd-officer", name: "Trương Văn Phúc", roles: ["unit_officer"], units: [BA_DIEM] },
} satisfies Record<string, Principal>;

export type FixtureOptions = Partial<Pick<NotificationsDeps, "smtpUrl" | "webhookRetry" | "webhookPollMs" | "emailPollMs">> & {
  clock?: Clock;
};

/** Opens the store and bus in a folder; `reopen` builds a fresh app (a restarted process) over the same data. */
export async function openWorld(dir: string) {
  const store: EmbeddedStore = await openEmbeddedStore({ dir });
  const bus: EventBus = await openEmbeddedBus({ db: store.db("bus"), pollMs: 50 });
  return { store, bus };
}

export async function startApp(world: { store: EmbeddedStore; bus: EventBus }, options: FixtureOptions = {}): Promise<NotificationsApp> {
  const app = await buildApp({
    db: world.store.db("notifications"),
    bus: world.bus,
    clock: options.clock ?? systemClock,
    verifier: createVerifier({ secret: SECRET }),
    log: pino({ level: "silent" }),
    webhookPollMs: options.webhookPollMs ?? 50,
    emailPollMs: options.emailPollMs ?? 50,
    ...(options.smtpUrl ? { smtpUrl: options.smtpUrl } : {}),
    ...(options.webhookRetry ? { webhookRetry: options.webhookRetry } : {}),
  });
  await app.start();
  return app;
}

/** A notifications service over a fresh embedded store and bus, queried in-process through its Hono app. */
export async function startNotifications(options: FixtureOptions = {}) {
  const dir = tempDir("notifications-");
  const world = await openWorld(dir.path);
  const app = await startApp(world, options);
  onTestFinished(async () => {
    await app.stop();
    await world.bus.close();
    await world.store.close();
    await dir.remove();
  });
  const fetch = (request: Request) => app.subgraph.app.fetch(request);
  return {
    app,
    ...world,
    // Every response any test reads must speak Vietnamese to people.
    anonymous: graphqlClient(fetch, { check: assertNoEnglish }),
    as: async (principal: Principal) => graphqlClient(fetch, { token: await tokenOf(principal), check: assertNoEnglish }),
  };
}

export const tokenOf = (principal: Principal) => signDevToken(principal, SECRET);
