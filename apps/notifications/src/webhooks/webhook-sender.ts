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
      const location = response.headers.get("location") ?? "(không có địa chỉ)";
      return {
        ok: false,
        statusCode: response.status,
        error: `Máy nhận chuyển hướng (HTTP ${response.status}) tới ${location}; không đi theo chuyển hướng.`,
      };
    }
    return { ok: false, statusCode: response.status, error: `Máy nhận trả lời HTTP ${response.status} ${response.statusText}`.trim() };
  } catch (error) {
    if (error instanceof Error && error.name === "TimeoutError")
      return { ok: false, error: `Máy nhận không trả lời trong ${TIMEOUT_MS / 1000} giây.` };
    // The network's own words (e.g. ECONNREFUSED) stay as they are: they are what the receiver's operator searches for.
    const cause = error instanceof Error && error.cause instanceof Error ? `: ${error.cause.message}` : "";
    return { ok: false, error: `Không gửi được tới máy nhận (${error instanceof Error ? error.message : String(error)}${cause})` };
  }
}
