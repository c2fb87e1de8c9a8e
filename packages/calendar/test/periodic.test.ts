import { describe, expect, it } from "vitest";
import { periodic } from "../src/periodic";

const silent = { error: () => undefined };

describe("periodic jobs", () => {
  it("share a run in progress instead of overlapping", async () => {
    let runs = 0;
    let release: () => void = () => undefined;
    const job = periodic({
      name: "t",
      intervalMs: 60_000,
      log: silent,
      run: () => new Promise<number>((resolve) => (release = () => resolve(++runs))),
    });
    const first = job.runOnce();
    const second = job.runOnce();
    release();
    expect(await first).toBe(1);
    expect(await second).toBe(1);
    const third = job.runOnce();
    release();
    expect(await third).toBe(2);
  });

  it("run at start, again after the interval, and log a failed run without stopping", async () => {
    const errors: object[] = [];
    let runs = 0;
    const job = periodic({
      name: "sweep",
      intervalMs: 5,
      log: { error: (details) => void errors.push(details) },
      run: async () => {
        runs += 1;
        if (runs === 2) throw new Error("store busy");
        return runs;
      },
    });
    await job.start();
    expect(runs).toBe(1);
    await expect.poll(() => runs).toBeGreaterThanOrEqual(3);
    await job.stop();
    const stoppedAt = runs;
    expect(errors).toEqual([expect.objectContaining({ job: "sweep" })]);
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(runs).toBe(stoppedAt);
  });

  it("wait out the interval before the first run when told not to run now, and run soon in the background when told so", async () => {
    let runs = 0;
    const later = periodic({ name: "relay", intervalMs: 60_000, log: silent, firstRun: "after-interval", run: async () => ++runs });
    await later.start();
    expect(runs).toBe(0);
    later.wake();
    await expect.poll(() => runs).toBe(1);
    await later.stop();

    let soonRuns = 0;
    const soon = periodic({ name: "worker", intervalMs: 60_000, log: silent, firstRun: "soon", run: async () => ++soonRuns });
    await soon.start();
    await expect.poll(() => soonRuns).toBe(1);
    await soon.stop();
  });

  it("a wake-up during a run runs again right after it, once however many wake-ups came; none after stop", async () => {
    let starts = 0;
    let release: () => void = () => undefined;
    const job = periodic({
      name: "worker",
      intervalMs: 60_000,
      log: silent,
      run: () => new Promise<void>((resolve) => ((release = resolve), (starts += 1))),
    });
    const started = job.start();
    job.wake();
    job.wake();
    release();
    await started;
    await expect.poll(() => starts).toBe(2);
    release();
    await job.stop();
    job.wake();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(starts).toBe(2);
  });

  it("runFresh waits for the run in progress and answers with a run that started after the call", async () => {
    let queued = 0;
    let starts = 0;
    let release: () => void = () => undefined;
    const job = periodic({
      name: "email",
      intervalMs: 60_000,
      log: silent,
      run: () =>
        new Promise<number>((resolve) => {
          const snapshot = queued;
          starts += 1;
          release = () => resolve(snapshot);
        }),
    });
    const inProgress = job.runOnce();
    queued = 1;
    const fresh = job.runFresh();
    release();
    expect(await inProgress).toBe(0);
    await expect.poll(() => starts).toBe(2);
    release();
    expect(await fresh).toBe(1);
  });
});
