import { expect, it, onTestFinished } from "vitest";
import { CURSOR_COLLECTION } from "@lienthong/bus/embedded-consumer";
import { taskAssigned, taskReminderDue } from "@lienthong/contracts/tasks";
import { graphqlClient } from "@lienthong/testing/graphql-client";
import { tempDir } from "@lienthong/testing/temp-dir";
import { NOTIFICATIONS } from "../src/feed/notification-store";
import { added, assigned, envelopeOf, publishAll, registerStaff } from "./support/events";
import { openWorld, people, SAI_GON, startApp, tokenOf } from "./support/notifications-fixture";
import { startReceiver } from "./support/receiver";
import { startSmtpSink } from "./support/smtp-sink";

it("gives one notification, one e-mail and one webhook delivery per (event, recipient, channel) through redelivery and a restart", async () => {
  const dir = tempDir("notifications-restart-");
  const world = await openWorld(dir.path);
  onTestFinished(async () => {
    await world.bus.close();
    await world.store.close();
    await dir.remove();
  });
  const smtp = await startSmtpSink();
  const receiver = await startReceiver(() => ({ status: 200 }));
  const options = { smtpUrl: smtp.url };
  let app = await startApp(world, options);

  const admin = graphqlClient((request) => app.subgraph.app.fetch(request), { token: await tokenOf(people.saiGonAdmin) });
  await admin.request(`mutation($input: RegisterWebhookInput!) { registerWebhook(input: $input) { __typename } }`, {
    input: { url: receiver.url, eventTypes: [taskAssigned.type, taskReminderDue.type], secret: "restart-test-secret-value" },
  });
  await registerStaff(world.bus, app);
  const by = { name: "Lịch nhắc việc", authority: "schedule" };
  const events = [
    added("task-1", "Báo cáo quý I"),
    assigned("task-1", people.saiGonOfficer.sub, [people.saiGonOfficer2.sub]),
    added("task-2", "Khảo sát hộ nghèo"),
    assigned("task-2", people.saiGonOfficer.sub, [people.saiGonOfficer2.sub]),
    envelopeOf(
      taskReminderDue,
      "task-1",
      3,
      { taskId: "task-1", unit: SAI_GON, leadOwner: people.saiGonOfficer.sub, deadline: "2026-04-15", daysBefore: 3, by },
      SAI_GON,
    ),
  ];
  await publishAll(world.bus, events);

  // 3 welcomes + 2 × (lead, co-owner) assignments + reminder to the lead and the ward's admin.
  const expected = { notifications: 9, mails: 9, webhookCalls: 3 };
  const notifications = world.store.db("notifications").collection(NOTIFICATIONS);
  const settled = async () => ({
    notifications: await notifications.countDocuments({}),
    mails: smtp.mails.length,
    webhookCalls: receiver.received.length,
  });
  await expect.poll(settled, { timeout: 10_000 }).toEqual(expected);

  // The same events handed to the pipeline again, as a relay resend or a lost ack would.
  for (const event of events) await app.dispatcher.handle(event);

  // A consumer that died before acknowledging anything: after a restart every event comes again.
  await app.stop();
  const cursors = world.store.db("bus").collection<{ _id: string; acked: number }>(CURSOR_COLLECTION);
  const before = await cursors.find({}).toArray();
  await cursors.updateMany({}, { $set: { acked: 0, failing: null } });
  app = await startApp(world, options);
  onTestFinished(() => app.stop());
  for (const cursor of before) {
    await expect.poll(async () => (await cursors.findOne({ _id: cursor._id }))?.acked, { timeout: 10_000 }).toBe(cursor.acked);
  }
  await app.flushEmail();

  expect(await settled()).toEqual(expected);
  for (const event of events.filter((event) => event.type === taskAssigned.type)) {
    expect(await notifications.countDocuments({ eventId: event.id })).toBe(2);
  }
  expect((await app.emails?.list())?.map((row) => row.status)).toEqual(Array(9).fill("sent"));
  expect(new Set(receiver.received.map((request) => request.headers["x-lienthong-delivery"])).size).toBe(3);
});
