import { describe, expect, it } from "vitest";
import type { QueuedEmail } from "./email-outbox";
import { composeMails } from "./digest";
import { mailText } from "./mail-text";

function queued(id: string, to: string, subject: string, body: string, held: boolean): QueuedEmail {
  const at = "2026-03-03T06:31:00+07:00";
  return {
    _id: id,
    recipient: id,
    to,
    subject,
    text: mailText(body),
    eventId: id,
    createdAt: at,
    sendAfter: at,
    held,
    status: "sending",
    attempts: 0,
  };
}

describe("e-mail after quiet hours", () => {
  it("goes out as one digest per address, listing each notification and signed once", () => {
    const mails = composeMails([
      queued("a", "minh@mttq.hcm.vn", "Bạn được giao nhiệm vụ mới", 'Bạn được Phường Sài Gòn giao chủ trì nhiệm vụ "Báo cáo quý I".', true),
      queued(
        "b",
        "minh@mttq.hcm.vn",
        "Nhắc hạn nhiệm vụ",
        'Nhiệm vụ "Khảo sát hộ nghèo" còn 3 ngày nữa đến hạn hoàn thành (15/04/2026).',
        true,
      ),
      queued("c", "lan@mttq.hcm.vn", "Nhiệm vụ đã quá hạn", 'Nhiệm vụ "Khảo sát hộ nghèo" đã quá hạn hoàn thành.', false),
    ]);
    expect(mails.map((mail) => [mail.to, mail.ids])).toEqual([
      ["lan@mttq.hcm.vn", ["c"]],
      ["minh@mttq.hcm.vn", ["a", "b"]],
    ]);
    const digest = mails[1];
    expect(digest?.subject).toBe("Liên Thông: 2 thông báo trong thời gian tạm ngưng nhận thư");
    expect(digest?.text).toBe(
      mailText(
        'Trong khoảng thời gian bạn đặt tạm ngưng nhận thư, có 2 thông báo mới:\n\n1. Bạn được giao nhiệm vụ mới\n   Bạn được Phường Sài Gòn giao chủ trì nhiệm vụ "Báo cáo quý I".\n\n2. Nhắc hạn nhiệm vụ\n   Nhiệm vụ "Khảo sát hộ nghèo" còn 3 ngày nữa đến hạn hoàn thành (15/04/2026).',
      ),
    );
    expect(digest?.text.match(/— Liên Thông/g)).toHaveLength(1);
  });
});
