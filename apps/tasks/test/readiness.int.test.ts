import { describe, expect, it } from "vitest";
import { startTasks } from "./support/tasks-fixture";

describe("/readyz of tasks", () => {
  it("is ready once started, names each consumer and schedule, and answers 503 while one is not running", async () => {
    const service = await startTasks();
    const ready = await service.app.subgraph.app.request("/readyz");
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({
      status: "ready",
      started: true,
      checks: {
        "tasks.officials": "running",
        "tasks.inspection-follow-ups": "running",
        "task schedule": "running",
        "recommendation schedule": "running",
      },
    });

    await service.app.schedule.stop();
    const stopped = await service.app.subgraph.app.request("/readyz");
    expect(stopped.status).toBe(503);
    expect(await stopped.json()).toMatchObject({
      status: "not ready",
      checks: { "task schedule": "stopped", "tasks.officials": "running" },
    });
  });
});
