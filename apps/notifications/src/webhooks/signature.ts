import { createHmac, timingSafeEqual } from "node:crypto";

export const SIGNATURE_HEADER = "x-lienthong-signature";
export const TIMESTAMP_HEADER = "x-lienthong-timestamp";
export const DELIVERY_HEADER = "x-lienthong-delivery";

/**
 * `sha256=<hex HMAC-SHA256(secret, "<timestamp>.<raw body>")>`: the timestamp (Unix seconds) is signed
 * with the body, so a receiver can refuse old captures replayed later.
 */
export function signPayload(secret: string, timestamp: number, rawBody: string): string {
  return `sha256=${createHmac("sha256", secret).update(`${timestamp}.${rawBody}`).digest("hex")}`;
}

/** What a receiver does: recompute over the raw bytes received and compare in constant time. */
export function verifySignature(secret: string, timestamp: number, rawBody: string, signature: string): boolean {
  const expected = Buffer.from(signPayload(secret, timestamp, rawBody));
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
