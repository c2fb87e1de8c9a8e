import { spawn, type ChildProcess } from "node:child_process";
import { accessSync, constants } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { createServer, connect as connectTcp } from "node:net";
import { tmpdir } from "node:os";
import { delimiter, join } from "node:path";
import { z } from "zod";

/** A throw-away nats-server with JetStream on a free loopback port and a temporary store. */
export interface NatsServer {
  url: string;
  port: number;
  version: string;
  stop(): Promise<void>;
}

const SHARED_PORT = 4222;
const FALLBACK_BINARY = "/usr/sbin/nats-server";
const READY_TIMEOUT_MS = 10_000;

/** An empty variable counts as unset, as shells and CI templates often export empty values. */
const optionalSetting = z.preprocess((value) => (value === "" ? undefined : value), z.string().optional());

const launcherEnvSchema = z.object({
  NATS_SERVER_BIN: optionalSetting,
  PATH: z.string().optional(),
  CI: optionalSetting,
});

function launcherEnv() {
  const parsed = launcherEnvSchema.safeParse(process.env);
  if (!parsed.success) {
    throw new Error(parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`).join("; "));
  }
  return parsed.data;
}

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * `NATS_SERVER_BIN`, else `nats-server` on PATH, else the Debian package's location; null when none exists.
 * A `NATS_SERVER_BIN` that points nowhere is an error, not a reason to skip.
 */
export function findNatsServer(): string | null {
  const env = launcherEnv();
  if (env.NATS_SERVER_BIN !== undefined) {
    if (!isExecutable(env.NATS_SERVER_BIN)) throw new Error(`NATS_SERVER_BIN: ${env.NATS_SERVER_BIN} is not an executable file`);
    return env.NATS_SERVER_BIN;
  }
  const onPath = (env.PATH ?? "")
    .split(delimiter)
    .filter(Boolean)
    .map((dir) => join(dir, "nats-server"))
    .find(isExecutable);
  if (onPath !== undefined) return onPath;
  return isExecutable(FALLBACK_BINARY) ? FALLBACK_BINARY : null;
}

export interface NatsSuitePlan {
  skip: boolean;
  /** The describe() title: says loudly when the suite is skipped and why. */
  title: string;
}

/**
 * Decides whether a suite that needs nats-server runs. Without a binary it is skipped with a title that
 * says so; with env `CI` set a missing binary throws, so CI can never pass by skipping.
 */
export function planNatsSuite(title: string): NatsSuitePlan {
  if (findNatsServer() !== null) return { skip: false, title };
  if (launcherEnv().CI !== undefined) {
    throw new Error(`${title}: no nats-server binary and CI is set; install nats-server or set NATS_SERVER_BIN`);
  }
  return { skip: true, title: `${title} — SKIPPED: no nats-server binary (install nats-server or set NATS_SERVER_BIN)` };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      const port = typeof address === "object" && address !== null ? address.port : 0;
      probe.close(() => (port > 0 && port !== SHARED_PORT ? resolve(port) : freePort().then(resolve, reject)));
    });
  });
}

const infoSchema = z.object({ version: z.string().min(1), jetstream: z.boolean().optional() });

/** Resolves with the server's INFO once it accepts a client connection. */
function readInfo(port: number): Promise<z.infer<typeof infoSchema> | null> {
  return new Promise((resolve) => {
    const socket = connectTcp({ host: "127.0.0.1", port });
    let received = "";
    const finish = (info: z.infer<typeof infoSchema> | null) => {
      socket.destroy();
      resolve(info);
    };
    socket.setTimeout(1000, () => finish(null));
    socket.once("error", () => finish(null));
    socket.on("data", (chunk) => {
      received += chunk.toString("utf8");
      const line = /^INFO\s+(\{.*\})\s*\r?\n/.exec(received);
      if (line?.[1] === undefined) return;
      const parsed = infoSchema.safeParse(JSON.parse(line[1]));
      finish(parsed.success ? parsed.data : null);
    });
  });
}

function exited(child: ChildProcess): Promise<void> {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once("exit", () => resolve()));
}

async function waitUntilReady(child: ChildProcess, port: number, output: () => string) {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`nats-server exited before accepting connections on port ${port}:\n${output()}`);
    }
    const info = await readInfo(port);
    if (info !== null) return info;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`nats-server did not accept connections on port ${port} within ${READY_TIMEOUT_MS} ms:\n${output()}`);
}

async function launch(binary: string): Promise<NatsServer> {
  const port = await freePort();
  const storeDir = await mkdtemp(join(tmpdir(), "lienthong-nats-"));
  const child = spawn(binary, ["-a", "127.0.0.1", "-p", String(port), "-js", "-sd", storeDir], {
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const collect = (chunk: Buffer) => {
    output = (output + chunk.toString("utf8")).slice(-4000);
  };
  child.stdout?.on("data", collect);
  child.stderr?.on("data", collect);
  const spawnFailed = new Promise<never>((_, reject) => child.once("error", reject));
  spawnFailed.catch(() => undefined);

  let stopped: Promise<void> | undefined;
  const stop = () => {
    stopped ??= (async () => {
      const killTimer = setTimeout(() => child.kill("SIGKILL"), 5000);
      child.kill("SIGTERM");
      await exited(child);
      clearTimeout(killTimer);
      await rm(storeDir, { recursive: true, force: true });
    })();
    return stopped;
  };

  try {
    const info = await Promise.race([waitUntilReady(child, port, () => output), spawnFailed]);
    if (info.jetstream === false) throw new Error(`nats-server on port ${port} started without JetStream`);
    process.stdout.write(`nats-server ${info.version} on 127.0.0.1:${port} (JetStream, temp store)\n`);
    return { url: `nats://127.0.0.1:${port}`, port, version: info.version, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** Starts a private nats-server (never the shared one on 4222); retries once if the free port was taken meanwhile. */
export async function startNatsServer(): Promise<NatsServer> {
  const binary = findNatsServer();
  if (binary === null) throw new Error("no nats-server binary: install nats-server or set NATS_SERVER_BIN");
  try {
    return await launch(binary);
  } catch (first) {
    if (!(first instanceof Error) || !/address already in use/i.test(first.message)) throw first;
    return launch(binary);
  }
}
