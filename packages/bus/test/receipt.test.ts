import { describe, expect, it } from "vitest";
import { assertPublishable, readMessage } from "../src/receipt";
import { taskCreated, taskCreatedEnvelope } from "./fixtures";

describe("reading a received message", () => {
  it("accepts a valid envelope, validating data only for declared types", () => {
    const envelope = taskCreatedEnvelope();
    expect(readMessage(JSON.stringify(envelope), [taskCreated])).toEqual({ ok: true, envelope });
    const undeclared = { ...envelope, data: { anything: true } };
    expect(readMessage(JSON.stringify(undeclared))).toEqual({ ok: true, envelope: undeclared });
  });

  it("names the broken envelope field and keeps the raw text", () => {
    const raw = JSON.stringify({ ...taskCreatedEnvelope(), correlationid: "" });
    expect(readMessage(raw)).toEqual({ ok: false, reason: expect.stringMatching(/^correlationid: /), raw });
  });

  it("names the broken data field of a declared event and keeps the envelope", () => {
    const envelope = { ...taskCreatedEnvelope(), data: { title: "", unit: "26740" } };
    expect(readMessage(JSON.stringify(envelope), [taskCreated])).toEqual({
      ok: false,
      reason: expect.stringMatching(/^data\.title: /),
      envelope,
    });
  });

  it("says when the message is not JSON at all", () => {
    expect(readMessage("<xml/>")).toMatchObject({ ok: false, reason: expect.stringContaining("not valid JSON"), raw: "<xml/>" });
  });
});

describe("publishing", () => {
  it("refuses an envelope the schema rejects, naming the field", () => {
    expect(() => assertPublishable({ ...taskCreatedEnvelope(), aggregateversion: -1 })).toThrow(/aggregateversion: /);
  });
});
