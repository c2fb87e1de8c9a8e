const LOCAL_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]"]);

/** Why a webhook URL is refused, or null when it is acceptable: HTTPS, or plain HTTP to this machine only. */
export function webhookUrlProblem(raw: string): string | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return "must be an absolute URL, e.g. https://example.org/hooks/lienthong";
  }
  if (url.username !== "" || url.password !== "") return "must not contain credentials; use the secret to authenticate deliveries";
  if (url.hash !== "") return "must not contain a #fragment";
  if (url.protocol === "https:") return null;
  if (url.protocol === "http:" && LOCAL_HOSTS.has(url.hostname)) return null;
  return "must use https:// (plain http:// is accepted only for localhost)";
}
