import nodemailer from "nodemailer";

export interface Mailer {
  send(mail: { to: string; subject: string; text: string; messageId: string }): Promise<void>;
  close(): void;
}

export const MAIL_FROM = "Liên Thông <thongbao@lienthong.local>";

/** SMTP through nodemailer; `smtpUrl` like smtp://user:pass@host:587 (smtps:// for implicit TLS). */
export function createSmtpMailer(smtpUrl: string, from = MAIL_FROM): Mailer {
  const transport = nodemailer.createTransport(smtpUrl);
  return {
    async send(mail) {
      await transport.sendMail({ from, to: mail.to, subject: mail.subject, text: mail.text, messageId: mail.messageId });
    },
    close: () => transport.close(),
  };
}
