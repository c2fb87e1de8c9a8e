import { describe, expect, it } from "vitest";
import { manualClock } from "@lienthong/calendar/clock";
import { added, assigned, publishAll, registerStaff } from "./support/events";
import { people, startNotifications } from "./support/notifications-fixture";
import { startSmtpSink } from "./support/smtp-sink";

const UPDATE = `mutation($input: UpdateNotificationPreferencesInput!) {
  updateNotificationPreferences(input: $input) {
    __typename
    ... on UpdateNotificationPreferencesSuccess { preferences { quietHours { start end timeZone } channels { kind inApp email } } }
    ... on ValidationError { fields { path message } }
  }
}`;

describe("e-mail", () => {
  it("sends the same message in Vietnamese to an official with an address", async () => {
    const smtp = await startSmtpSink();
    const { bus, app } = await startNotifications({ smtpUrl: smtp.url });
    await registerStaff(bus, app);
    await publishAll(bus, [added("task-1", "Tổ chức Ngày hội Đại đoàn kết"), assigned("task-1", people.saiGonOfficer.sub)]);

    await expect.poll(() => smtp.mails.filter((mail) => mail.subject === "Bạn được giao nhiệm vụ mới").length).toBe(1);
    const mail = smtp.mails.find((candidate) => candidate.subject === "Bạn được giao nhiệm vụ mới");
    expect(mail?.to).toEqual(["minh@mttq.hcm.vn"]);
    expect(mail?.text).toContain(
      'Bạn được Phường Sài Gòn giao chủ trì nhiệm vụ "Tổ chức Ngày hội Đại đoàn kết"; hạn hoàn thành 15/04/2026.',
    );
    await expect.poll(() => smtp.mails.filter((candidate) => candidate.subject === "Chào mừng đến với Liên Thông").length).toBe(3);
    await expect.poll(async () => (await app.emails?.list())?.every((row) => row.status === "sent")).toBe(true);
  });

  it("is held during quiet hours and sent afterwards as one digest, while the feed is not held", async () => {
    const smtp = await startSmtpSink();
    const clock = manualClock("2026-03-02T23:10:00+07:00");
    const { bus, app, as } = await startNotifications({ smtpUrl: smtp.url, clock });
    const officer = await as(people.saiGonOfficer);
    const quiet = await officer.request(UPDATE, {
      input: { quietHours: { start: "22:00", end: "06:30" }, channels: [{ kind: "OFFICIAL_WELCOME", email: false }] },
    });
    expect(quiet.data).toMatchObject({
      updateNotificationPreferences: { preferences: { quietHours: { start: "22:00", end: "06:30", timeZone: "Asia/Ho_Chi_Minh" } } },
    });

    await registerStaff(bus, app);
    await publishAll(bus, [
      added("task-1", "Báo cáo quý I"),
      assigned("task-1", people.saiGonOfficer.sub),
      added("task-2", "Khảo sát hộ nghèo"),
      assigned("task-2", people.saiGonOfficer.sub),
    ]);
    await expect.poll(() => app.notifications.count(people.saiGonOfficer.sub, true)).toBe(3);
    await expect.poll(async () => (await app.emails?.list({ recipient: people.saiGonOfficer.sub }))?.length).toBe(2);
    await app.flushEmail();
    expect(smtp.mails.filter((mail) => mail.to.includes("minh@mttq.hcm.vn"))).toEqual([]);

    clock.set("2026-03-03T06:31:00+07:00");
    await app.flushEmail();
    await expect.poll(() => smtp.mails.filter((mail) => mail.to.includes("minh@mttq.hcm.vn")).length).toBe(1);
    const digest = smtp.mails.find((mail) => mail.to.includes("minh@mttq.hcm.vn"));
    expect(digest?.subject).toBe("Liên Thông: 2 thông báo trong thời gian tạm ngưng nhận thư");
    expect(digest?.text).toContain('Bạn được Phường Sài Gòn giao chủ trì nhiệm vụ "Báo cáo quý I"');
    expect(digest?.text).toContain('Bạn được Phường Sài Gòn giao chủ trì nhiệm vụ "Khảo sát hộ nghèo"');
  });

  it("follows each official's channel choices per kind", async () => {
    const smtp = await startSmtpSink();
    const { bus, app, as } = await startNotifications({ smtpUrl: smtp.url });
    const officer = await as(people.saiGonOfficer);
    await officer.request(UPDATE, { input: { channels: [{ kind: "TASK_ASSIGNED", inApp: false, email: false }] } });
    const prefs = await officer.request<{ myNotificationPreferences: { channels: { kind: string; inApp: boolean; email: boolean }[] } }>(
      `{ myNotificationPreferences { channels { kind inApp email } } }`,
    );
    expect(prefs.data?.myNotificationPreferences.channels.find((row) => row.kind === "TASK_ASSIGNED")).toEqual({
      kind: "TASK_ASSIGNED",
      inApp: false,
      email: false,
    });

    await registerStaff(bus, app);
    await publishAll(bus, [added("task-1", "Báo cáo quý I"), assigned("task-1", people.saiGonOfficer.sub, [people.saiGonOfficer2.sub])]);
    await expect
      .poll(() => smtp.mails.filter((mail) => mail.subject === "Bạn được giao nhiệm vụ mới").map((mail) => mail.to))
      .toEqual([["hong@mttq.hcm.vn"]]);
    expect(await app.notifications.count(people.saiGonOfficer.sub, false)).toBe(1);

    const bad = await officer.request(UPDATE, { input: { quietHours: { start: "25:00", end: "06:00" } } });
    expect(bad.data).toEqual({
      updateNotificationPreferences: {
        __typename: "ValidationError",
        fields: [{ path: ["quietHours", "start"], message: expect.any(String) }],
      },
    });
  });
});
