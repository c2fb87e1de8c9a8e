import { describe, expect, it } from "vitest";
import { retryDelay } from "./retry-schedule";
import { signPayload, verifySignature } from "./signature";
import { webhookUrlProblem } from "./webhook-url";

describe("webhook URLs", () => {
  it("accept HTTPS anywhere and plain HTTP only on this machine", () => {
    expect(webhookUrlProblem("https://hooks.example.org/lienthong")).toBeNull();
    expect(webhookUrlProblem("http://localhost:8080/hook")).toBeNull();
    expect(webhookUrlProblem("http://127.0.0.1:8080/hook")).toBeNull();
    expect(webhookUrlProblem("http://hooks.example.org/lienthong")).toBe("NOT_HTTPS");
    expect(webhookUrlProblem("ftp://example.org/x")).toBe("NOT_HTTPS");
  });

  it("refuse credentials or a fragment in the URL and things that are not URLs", () => {
    expect(webhookUrlProblem("https://user:pw@hooks.example.org/")).toBe("HAS_CREDENTIALS");
    expect(webhookUrlProblem("https://hooks.example.org/#top")).toBe("HAS_FRAGMENT");
    expect(webhookUrlProblem("not a url")).toBe("NOT_ABSOLUTE");
  });
});

describe("signatures", () => {
  const body = JSON.stringify({ type: "lienthong.tasks.task.assigned.v1", data: { title: "Tổ chức Ngày hội Đại đoàn kết" } });

  it("verify over the exact raw body and timestamp", () => {
    const signature = signPayload("s3cret-s3cret-s3cret", 1_767_000_000, body);
    expect(verifySignature("s3cret-s3cret-s3cret", 1_767_000_000, body, signature)).toBe(true);
  });

  it("fail when the body, the timestamp or the secret differ", () => {
    const signature = signPayload("s3cret-s3cret-s3cret", 1_767_000_000, body);
    expect(verifySignature("s3cret-s3cret-s3cret", 1_767_000_000, `${body} `, signature)).toBe(false);
    expect(verifySignature("s3cret-s3cret-s3cret", 1_767_000_001, body, signature)).toBe(false);
    expect(verifySignature("another-secret-value", 1_767_000_000, body, signature)).toBe(false);
  });
});

describe("retry delays", () => {
  const policy = { maxAttempts: 8, baseDelayMs: 1000, maxDelayMs: 60_000 };

  it("double after each failure, within the jitter band", () => {
    expect(retryDelay(policy, 1, () => 0)).toBe(500);
    expect(retryDelay(policy, 1, () => 1)).toBe(1000);
    expect(retryDelay(policy, 3, () => 1)).toBe(4000);
  });

  it("never exceed the cap", () => {
    expect(retryDelay(policy, 30, () => 1)).toBe(60_000);
  });
});
