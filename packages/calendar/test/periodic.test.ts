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
});
