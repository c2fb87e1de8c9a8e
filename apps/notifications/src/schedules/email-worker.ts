import type { Logger } from "pino";
import type { Clock } from "@lienthong/calendar/clock";
import { periodic, type Periodic } from "@lienthong/calendar/periodic";
import { composeMails } from "../email/digest";
import type { EmailOutbox } from "../email/email-outbox";
import type { Mailer } from "../email/mailer";

const MAX_ATTEMPTS = 5;
const RETRY_DELAY_MS = 60_000;
/** A row "sending" for longer than this belongs to a process that died; it is sent again. */
const SENDING_LEASE_MS = 5 * 60_000;
const BATCH = 200;

/**
 * Sends due e-mail. Exactly one row per (event, recipient) exists; the mail itself is at-least-once at
 * the SMTP level (a crash between the server's 250 and the "sent" write sends it again), and carries a
 * deterministic Message-ID so mail systems can recognise the repeat.
 */
export function createEmailWorker(deps: {
  outbox: EmailOutbox;
  mailer: Mailer;
  clock: Clock;
  log: Logger;
  intervalMs?: number;
}): Periodic<void> {
  async function pass(): Promise<void> {
    const now = deps.clock.now();
    const due = await deps.outbox.due(now.toISOString(), new Date(now.getTime() - SENDING_LEASE_MS).toISOString(), BATCH);
    const claimed = [];
    for (const email of due) if (await deps.outbox.claim(email, now.toISOString())) claimed.push(email);
    for (const mail of composeMails(claimed)) {
      const messageId = `<${[...mail.ids].sort().join(".").slice(0, 120)}@lienthong>`;
      try {
        await deps.mailer.send({ to: mail.to, subject: mail.subject, text: mail.text, messageId });
        await deps.outbox.markSent(mail.ids, messageId, deps.clock.now().toISOString());
      } catch (error) {
        const attempts = Math.max(...claimed.filter((email) => mail.ids.includes(email._id)).map((email) => email.attempts)) + 1;
        const retryAt = attempts >= MAX_ATTEMPTS ? null : new Date(deps.clock.now().getTime() + RETRY_DELAY_MS * attempts).toISOString();
        deps.log.warn({ err: error, to: mail.to, attempts }, "e-mail not sent");
        await deps.outbox.markFailed(mail.ids, error instanceof Error ? error.message : String(error), retryAt);
      }
    }
  }
  return periodic({ name: "email", intervalMs: deps.intervalMs ?? 5_000, run: pass, log: deps.log, firstRun: "soon" });
}
