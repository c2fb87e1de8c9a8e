import { existsSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it, onTestFinished } from "vitest";
import { findTsx, findWorkspaceRoot, runTypeScript, startTypeScript } from "../src/child-process";

const fixture = (name: string) => new URL(`./fixtures/${name}`, import.meta.url);

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe("TypeScript child processes", () => {
  it("finds the workspace root and its tsx", () => {
    const root = findWorkspaceRoot(import.meta.url);
    expect(existsSync(join(root, "pnpm-workspace.yaml"))).toBe(true);
    expect(findTsx(import.meta.url)).toBe(join(root, "node_modules", ".bin", "tsx"));
  });

  it("runs a script to completion and reports its exit code and output", async () => {
    const result = await runTypeScript(fixture("exit-with.ts"), { args: ["3"] });
    expect(result).toEqual({ code: 3, signal: null, stdout: "exit code will be 3\n", stderr: "something went wrong\n" });
  });

  it("waits for lines in order, including lines printed before the wait and lines split across writes", async () => {
    const child = startTypeScript(fixture("server-like.ts"));
    onTestFinished(child.stop);
    expect(await child.waitForLine(/^ready on (.+)$/)).toBe("ready on 127.0.0.1:4321");
    expect(child.stdoutLines()).toContain("tick 2");
    await expect(child.waitForLine("tick", { timeoutMs: 300 })).rejects.toThrow(/timed out after 300 ms.*"tick"[\s\S]*ready on/);
  });

  it("passes arguments and environment changes, and can remove inherited variables", async () => {
    const child = startTypeScript(fixture("server-like.ts"), { env: { GREETING: "xin chào", HOME: undefined } });
    onTestFinished(child.stop);
    expect(await child.waitForLine("GREETING=")).toBe("GREETING=xin chào HOME_SET=no");
  });

  it("the pid is the script's own process, so SIGKILL ends the script itself", async () => {
    const child = startTypeScript(fixture("server-like.ts"));
    onTestFinished(child.stop);
    const announced = Number((await child.waitForLine(/^pid \d+$/)).slice(4));
    expect(announced).toBe(child.pid);
    expect(await child.kill("SIGKILL")).toEqual({ code: null, signal: "SIGKILL" });
    expect(isAlive(announced)).toBe(false);
  });

  it("SIGTERM lets the script shut down by itself", async () => {
    const child = startTypeScript(fixture("server-like.ts"));
    await child.waitForLine("ready on");
    expect(await child.kill("SIGTERM")).toEqual({ code: 0, signal: null });
    expect(child.stdoutLines()).toContain("stopping");
  });

  it("a script that ignores SIGTERM is killed after the grace period", async () => {
    const child = startTypeScript(fixture("server-like.ts"), { args: ["stubborn"] });
    await child.waitForLine("ready on");
    expect(await child.kill("SIGTERM", { graceMs: 1_000 })).toEqual({ code: null, signal: "SIGKILL" });
    expect(child.stdoutLines()).toContain("ignoring SIGTERM");
  });

  it("waiting for a line the script never prints fails as soon as it exits, quoting stderr", async () => {
    const child = startTypeScript(fixture("exit-with.ts"), { args: ["1"] });
    await expect(child.waitForLine("never printed")).rejects.toThrow(/process exited \(code 1, signal null\)[\s\S]*something went wrong/);
    await child.stop();
    expect(await child.exited).toEqual({ code: 1, signal: null });
  });

  it("a script that does not finish in time is killed and reported", async () => {
    await expect(runTypeScript(fixture("server-like.ts"), { timeoutMs: 1_500 })).rejects.toThrow(
      /server-like\.ts did not finish within 1500 ms/,
    );
  });
});
