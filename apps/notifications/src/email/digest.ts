import type { QueuedEmail } from "./email-outbox";
import { digestText } from "./mail-text";

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  /** Outbox rows this mail carries. */
  ids: string[];
}

/**
 * Groups due rows into mails: rows held by quiet hours go out as one digest per recipient address,
 * the rest one mail each.
 */
export function composeMails(due: readonly QueuedEmail[]): OutgoingMail[] {
  const mails: OutgoingMail[] = [];
  const held = new Map<string, QueuedEmail[]>();
  for (const email of due) {
    if (!email.held) {
      mails.push({ to: email.to, subject: email.subject, text: email.text, ids: [email._id] });
      continue;
    }
    held.set(email.to, [...(held.get(email.to) ?? []), email]);
  }
  for (const [to, emails] of held) {
    const [only] = emails;
    if (emails.length === 1 && only) {
      mails.push({ to, subject: only.subject, text: only.text, ids: [only._id] });
      continue;
    }
    mails.push({
      to,
      subject: `Liên Thông: ${emails.length} thông báo trong thời gian tạm ngưng nhận thư`,
      text: digestText(emails),
      ids: emails.map((email) => email._id),
    });
  }
  return mails;
}
