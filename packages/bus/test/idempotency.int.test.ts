import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Database } from "@lienthong/store/collection";
import { idempotent } from "../src/idempotency";
import { embeddedStoreDir } from "./embedded-harness";
import { taskCreatedEnvelope } from "./fixtures";

describe("idempotent handlers (embedded store)", () => {
  let storeDir: Awaited<ReturnType<typeof embeddedStoreDir>>;
  let db: Database;
  beforeEach(async () => {
    storeDir = await embeddedStoreDir();
    db = await storeDir.open();
  });
  afterEach(async () => {
    await storeDir.remove();
  });

  it("skips an event already handled by the same durable, also after a restart", async () => {
    const event = taskCreatedEnvelope();
    const notified: string[] = [];
    const notify = async (envelope: { id: string }) => void notified.push(envelope.id);
    await idempotent(db, "notifications.feed", notify)(event);
    await idempotent(db, "notifications.feed", notify)(event);
    db = await storeDir.open();
    await idempotent(db, "notifications.feed", notify)(event);
    expect(notified).toEqual([event.id]);
  });

  it("runs the handler again when it failed, since nothing was recorded", async () => {
    const event = taskCreatedEnvelope();
    let attempts = 0;
    const handler = idempotent(db, "notifications.email", async () => {
      attempts += 1;
      if (attempts === 1) throw new Error("SMTP relay refused the connection");
    });
    await expect(handler(event)).rejects.toThrow("SMTP relay refused the connection");
    await handler(event);
    await handler(event);
    expect(attempts).toBe(2);
  });

  it("keeps durables apart: each handles the event once", async () => {
    const event = taskCreatedEnvelope();
    const handled: string[] = [];
    await idempotent(db, "notifications.feed", async () => void handled.push("feed"))(event);
    await idempotent(db, "campaigns.reach", async () => void handled.push("reach"))(event);
    await idempotent(db, "campaigns.reach", async () => void handled.push("reach"))(event);
    expect(handled).toEqual(["feed", "reach"]);
  });
});
