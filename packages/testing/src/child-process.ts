import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

export interface ExitStatus {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export interface StartOptions {
  args?: readonly string[];
  /** Merged over this process's environment; `undefined` removes a variable. */
  env?: Record<string, string | undefined>;
  cwd?: string;
}

export interface TypeScriptProcess {
  /** The pid of the process running the script itself (not a wrapper), so SIGKILL really kills the script. */
  readonly pid: number;
  /** Settles when the process has exited and its output has been read. */
  readonly exited: Promise<ExitStatus>;
  stdout(): string;
  stderr(): string;
  stdoutLines(): readonly string[];
  /**
   * Resolves with the first stdout line matching `pattern` after the line the previous successful wait matched
   * (lines printed before this call count). Rejects on timeout or when the process exits first, quoting its output.
   */
  waitForLine(pattern: string | RegExp, options?: { timeoutMs?: number }): Promise<string>;
  /** Sends `signal` and waits for the exit; a process still alive after `graceMs` is SIGKILLed. */
  kill(signal?: NodeJS.Signals, options?: { graceMs?: number }): Promise<ExitStatus>;
  /** SIGTERM, then SIGKILL after 5 s; safe to call after exit. Hand it to `onTestFinished`. */
  stop: () => Promise<void>;
}

const DEFAULT_WAIT_MS = 10_000;
const DEFAULT_GRACE_MS = 5_000;
/** Output a killed process leaves in its pipes is read for at most this long (a grandchild may hold them open). */
const DRAIN_MS = 1_000;
const running = new Set<ChildProcess>();

/** The folder holding pnpm-workspace.yaml above `from` (default: this package, which lives inside the workspace). */
export function findWorkspaceRoot(from: string | URL = import.meta.url): string {
  let dir = dirname(typeof from === "string" && !from.startsWith("file:") ? from : fileURLToPath(from));
  for (;;) {
    if (existsSync(join(dir, "pnpm-workspace.yaml"))) return dir;
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`no pnpm-workspace.yaml above ${String(from)}`);
    dir = parent;
  }
}

/** The workspace root's `node_modules/.bin/tsx`, for callers that want the CLI itself. */
export function findTsx(from?: string | URL): string {
  const bin = join(findWorkspaceRoot(from), "node_modules", ".bin", "tsx");
  if (!existsSync(bin)) throw new Error(`tsx is not installed at ${bin}: run pnpm install at the workspace root`);
  return bin;
}

/**
 * tsx's module loader from the workspace root. Scripts run as `node --import <loader> script.ts`, one process:
 * the tsx CLI would run the script in a child of its own, and a SIGKILL sent to the CLI would leave that child running.
 */
function tsxLoader(): string {
  const root = findWorkspaceRoot();
  findTsx();
  return pathToFileURL(createRequire(join(root, "package.json")).resolve("tsx")).href;
}

/** Starts a TypeScript file (path or file URL) under tsx and collects its output. */
export function startTypeScript(script: string | URL, options: StartOptions = {}): TypeScriptProcess {
  const scriptPath = typeof script === "string" && !script.startsWith("file:") ? script : fileURLToPath(script);
  const child = spawn(process.execPath, ["--import", tsxLoader(), scriptPath, ...(options.args ?? [])], {
    cwd: options.cwd ?? dirname(scriptPath),
    env: mergedEnv(options.env),
    stdio: ["ignore", "pipe", "pipe"],
  });
  running.add(child);
  ensureCleanupOnExit();

  let out = "";
  let err = "";
  let partial = "";
  const lines: string[] = [];
  let cursor = 0;
  let status: ExitStatus | null = null;
  const waiters = new Set<() => void>();
  const notify = () => waiters.forEach((check) => check());

  child.stdout?.setEncoding("utf8").on("data", (chunk: string) => {
    out += chunk;
    const pieces = (partial + chunk).split(/\r?\n/);
    partial = pieces.pop() ?? "";
    lines.push(...pieces);
    notify();
  });
  child.stderr?.setEncoding("utf8").on("data", (chunk: string) => {
    err += chunk;
  });

  const exited = new Promise<ExitStatus>((resolve) => {
    const finish = (exit: ExitStatus) => {
      if (status !== null) return;
      running.delete(child);
      if (partial !== "") lines.push(partial);
      partial = "";
      status = exit;
      resolve(exit);
      notify();
    };
    child.once("error", (error) => {
      err += `\n${error.message}`;
      finish({ code: null, signal: null });
    });
    child.once("exit", (code, signal) => {
      const drained = new Promise((done) => child.once("close", done));
      const bound = new Promise((done) => setTimeout(done, DRAIN_MS).unref());
      void Promise.race([drained, bound]).then(() => finish({ code, signal }));
    });
  });

  const describeOutput = () => `\n--- stdout ---\n${tail(out)}\n--- stderr ---\n${tail(err)}`;

  const waitForLine = (pattern: string | RegExp, waitOptions: { timeoutMs?: number } = {}) =>
    new Promise<string>((resolve, reject) => {
      const timeoutMs = waitOptions.timeoutMs ?? DEFAULT_WAIT_MS;
      const what = `a stdout line matching ${pattern instanceof RegExp ? String(pattern) : JSON.stringify(pattern)} from ${scriptPath}`;
      const start = cursor;
      const done = () => {
        waiters.delete(check);
        clearTimeout(timer);
      };
      const check = () => {
        const index = lines.findIndex(
          (line, i) => i >= start && (typeof pattern === "string" ? line.includes(pattern) : pattern.test(line)),
        );
        if (index >= 0) {
          done();
          cursor = Math.max(cursor, index + 1);
          resolve(lines[index] as string);
        } else if (status !== null) {
          done();
          reject(new Error(`process exited (code ${status.code}, signal ${status.signal}) before ${what}${describeOutput()}`));
        }
      };
      const timer = setTimeout(() => {
        done();
        reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}${describeOutput()}`));
      }, timeoutMs);
      waiters.add(check);
      check();
    });

  const kill = async (signal: NodeJS.Signals = "SIGTERM", killOptions: { graceMs?: number } = {}) => {
    if (status !== null) return status;
    child.kill(signal);
    if (signal !== "SIGKILL") {
      const grace = setTimeout(() => child.kill("SIGKILL"), killOptions.graceMs ?? DEFAULT_GRACE_MS);
      void exited.then(() => clearTimeout(grace));
    }
    return exited;
  };

  return {
    pid: child.pid ?? -1,
    exited,
    stdout: () => out,
    stderr: () => err,
    stdoutLines: () => [...lines],
    waitForLine,
    kill,
    stop: async () => {
      await kill("SIGTERM");
    },
  };
}

/** Runs a TypeScript file to completion; a run longer than `timeoutMs` is SIGKILLed and reported as an error. */
export async function runTypeScript(
  script: string | URL,
  options: StartOptions & { timeoutMs?: number } = {},
): Promise<ExitStatus & { stdout: string; stderr: string }> {
  const child = startTypeScript(script, options);
  const timeoutMs = options.timeoutMs ?? 30_000;
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<"timeout">((resolve) => {
    timer = setTimeout(() => resolve("timeout"), timeoutMs);
  });
  const outcome = await Promise.race([child.exited, timedOut]);
  clearTimeout(timer);
  if (outcome === "timeout") {
    await child.kill("SIGKILL");
    throw new Error(
      `${String(script)} did not finish within ${timeoutMs} ms\n--- stdout ---\n${tail(child.stdout())}\n--- stderr ---\n${tail(child.stderr())}`,
    );
  }
  return { ...outcome, stdout: child.stdout(), stderr: child.stderr() };
}

function mergedEnv(overrides: Record<string, string | undefined> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const [name, value] of Object.entries(overrides)) {
    if (value === undefined) delete env[name];
    else env[name] = value;
  }
  return env;
}

function tail(text: string, max = 2_000): string {
  return text.length > max ? `…${text.slice(-max)}` : text;
}

let cleanupRegistered = false;
/** A test runner that exits mid-test must not leave scripts running. */
function ensureCleanupOnExit(): void {
  if (cleanupRegistered) return;
  cleanupRegistered = true;
  process.once("exit", () => {
    for (const child of running) child.kill("SIGKILL");
  });
}
