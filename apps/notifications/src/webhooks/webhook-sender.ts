import { DELIVERY_HEADER, signPayload, SIGNATURE_HEADER, TIMESTAMP_HEADER } from "./signature";

export type SendOutcome = { ok: true; statusCode: number } | { ok: false; error: string; statusCode?: number };

const TIMEOUT_MS = 10_000;

/**
 * POSTs one signed delivery. Redirects are never followed: a 3xx is a failure naming where it pointed,
 * so a receiver cannot bounce signed payloads to another host.
 */
export async function sendDelivery(request: {
  url: string;
  secret: string;
  deliveryId: string;
  body: string;
  timestamp: number;
}): Promise<SendOutcome> {
  try {
    const response = await fetch(request.url, {
      method: "POST",
      redirect: "manual",
      signal: AbortSignal.timeout(TIMEOUT_MS),
      headers: {
        "content-type": "application/cloudevents+json; charset=utf-8",
        "user-agent": "LienThong-Webhooks/1",
        [DELIVERY_HEADER]: request.deliveryId,
        [TIMESTAMP_HEADER]: String(request.timestamp),
        [SIGNATURE_HEADER]: signPayload(request.secret, request.timestamp, request.body),
      },
      body: request.body,
    });
    await response.body?.cancel();
    if (response.status >= 200 && response.status < 300) return { ok: true, statusCode: response.status };
    if (response.status >= 300 && response.status < 400) {
      return {
        ok: false,
        statusCode: response.status,
        error: `HTTP ${response.status}: redirect to ${response.headers.get("location") ?? "(no location)"} not followed`,
      };
    }
    return { ok: false, statusCode: response.status, error: `HTTP ${response.status} ${response.statusText}`.trim() };
  } catch (error) {
    const cause = error instanceof Error && error.cause instanceof Error ? `: ${error.cause.message}` : "";
    return { ok: false, error: `${error instanceof Error ? error.message : String(error)}${cause}` };
  }
}
