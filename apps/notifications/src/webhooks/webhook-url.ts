const LOCAL_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]"]);

/** Why a webhook URL may be refused: a stable code for programs, the sentence shown to the admin who typed it. */
export const WEBHOOK_URL_PROBLEMS = {
  NOT_ABSOLUTE: "phải là một địa chỉ đầy đủ, ví dụ https://example.org/hooks/lienthong",
  HAS_CREDENTIALS: "không được chứa tên đăng nhập hay mật khẩu; mỗi lượt gửi được xác thực bằng khóa bí mật (secret)",
  HAS_FRAGMENT: "không được chứa phần #…",
  NOT_HTTPS: "phải dùng https:// (http:// chỉ được chấp nhận cho localhost)",
} as const;

export type WebhookUrlProblem = keyof typeof WEBHOOK_URL_PROBLEMS;

/** Why a webhook URL is refused, or null when it is acceptable: HTTPS, or plain HTTP to this machine only. */
export function webhookUrlProblem(raw: string): WebhookUrlProblem | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return "NOT_ABSOLUTE";
  }
  if (url.username !== "" || url.password !== "") return "HAS_CREDENTIALS";
  if (url.hash !== "") return "HAS_FRAGMENT";
  if (url.protocol === "https:") return null;
  if (url.protocol === "http:" && LOCAL_HOSTS.has(url.hostname)) return null;
  return "NOT_HTTPS";
}
