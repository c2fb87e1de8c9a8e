import { describe, expect, it } from "vitest";
import { backoffDelay, consumeSettings, DEFAULT_BACKOFF_MS, DEFAULT_MAX_DELIVER } from "../src/event-bus";

const handler = async () => undefined;

describe("consume options", () => {
  it("default to 5 deliveries and a growing backoff", () => {
    expect(consumeSettings({ durable: "tasks.on-unit-renamed", subject: "lt.directory.>", handler })).toEqual({
      durable: "tasks.on-unit-renamed",
      subject: "lt.directory.>",
      maxDeliver: DEFAULT_MAX_DELIVER,
      backoff: DEFAULT_BACKOFF_MS,
    });
  });

  it("list every invalid field", () => {
    const attempt = () => consumeSettings({ durable: "tasks on unit", subject: "tasks.>", maxDeliver: 0, backoff: [], handler });
    expect(attempt).toThrow(/durable: .*subject: .*maxDeliver: .*backoff: /);
  });
});

describe("backoff", () => {
  it("waits per failed delivery and repeats the last delay", () => {
    expect([1, 2, 3, 4, 9].map((failures) => backoffDelay([250, 1000, 5000], failures))).toEqual([250, 1000, 5000, 5000, 5000]);
  });
});
