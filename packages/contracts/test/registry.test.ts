import { describe, expect, it } from "vitest";
import { z } from "zod";
import { buildEnvelope, declareEvent, parseEnvelope, parseEvent } from "../src/registry";

const officialRegistered = declareEvent({
  service: "directory",
  aggregate: "official",
  event: "registered",
  version: 1,
  schema: z.object({ officialId: z.string(), unit: z.string().regex(/^\d{5}$/) }),
});

const context = { actor: "u-1", correlationid: "c-1", unit: "26740" };

describe("event declarations", () => {
  it("derive the CloudEvents type and the NATS subject from one declaration", () => {
    expect(officialRegistered.type).toBe("lienthong.directory.official.registered.v1");
    expect(officialRegistered.subject).toBe("lt.directory.official.registered.v1");
  });

  it("build a complete envelope with a UUIDv7 id", () => {
    const envelope = buildEnvelope(officialRegistered, {
      aggregateId: "o-1",
      aggregateVersion: 1,
      time: new Date("2026-02-01T01:00:00Z"),
      context,
      data: { officialId: "o-1", unit: "26740" },
    });
    expect(envelope).toMatchObject({
      specversion: "1.0",
      type: officialRegistered.type,
      subject: "o-1",
      time: "2026-02-01T01:00:00.000Z",
      actor: "u-1",
      unit: "26740",
      correlationid: "c-1",
      aggregateversion: 1,
      source: "/lienthong/directory",
    });
    expect(envelope.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-/);
    expect(parseEnvelope(JSON.parse(JSON.stringify(envelope)))).toEqual({ ok: true, envelope });
  });

  it("refuse to build an event its own schema rejects", () => {
    expect(() =>
      buildEnvelope(officialRegistered, {
        aggregateId: "o-1",
        aggregateVersion: 1,
        time: new Date(),
        context,
        data: { officialId: "o-1", unit: "Sài Gòn" },
      }),
    ).toThrow();
  });

  it("name every broken field of a received envelope", () => {
    const parsed = parseEnvelope({ specversion: "1.0", id: "nope", type: "x" });
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.reason).toContain("id:");
    expect(parsed.reason).toContain("type:");
    expect(parsed.reason).toContain("time:");
  });

  it("validate the data of a received event against its declaration", () => {
    const envelope = buildEnvelope(officialRegistered, {
      aggregateId: "o-1",
      aggregateVersion: 1,
      time: new Date(),
      context,
      data: { officialId: "o-1", unit: "26740" },
    });
    const tampered = { ...envelope, data: { officialId: "o-1", unit: 7 } };
    expect(parseEvent(officialRegistered, tampered)).toEqual({ ok: false, reason: expect.stringContaining("data.unit:") });
    expect(parseEvent(officialRegistered, envelope).ok).toBe(true);
  });
});
