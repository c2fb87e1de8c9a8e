import { expect, it } from "vitest";
import { startNotifications } from "./support/notifications-fixture";

it("/readyz names each consumer and worker once started, and answers 503 once the service is stopping", async () => {
  const { app } = await startNotifications();
  const ready = await app.subgraph.app.request("/readyz");
  expect(ready.status).toBe(200);
  expect(await ready.json()).toMatchObject({
    status: "ready",
    checks: { "notifications.directory": "running", "notifications.tasks": "running", "webhook worker": "running" },
  });

  await app.stop();
  expect((await app.subgraph.app.request("/readyz")).status).toBe(503);
});
