import { onTestFinished } from "vitest";
import { startTypeScript } from "@lienthong/testing/child-process";

const MAIN = new URL("../../src/main.ts", import.meta.url).pathname;

/** Runs `pnpm start`'s entry point as its own process and reads the URL and the tokens it prints. */
export async function startPlatformProcess(dataDir: string, port: number, env: Record<string, string | undefined> = {}) {
  const child = startTypeScript(MAIN, {
    env: {
      DATA_DIR: dataDir,
      PORT: String(port),
      LOG_LEVEL: "warn",
      CLOCK_START: undefined,
      NATS_URL: undefined,
      MONGODB_URL: undefined,
      ...env,
    },
  });
  onTestFinished(() => child.stop());
  await child.waitForLine(/Stop with Ctrl\+C/, { timeoutMs: 90_000 });
  const tokens = new Map<string, string>();
  const lines = child.stdoutLines();
  lines.forEach((line, index) => {
    const label = /^ {2}(city admin|ward admin \d{5}|officer \d{5})/.exec(line)?.[1];
    const token = lines[index + 1]?.trim();
    if (label && token && !tokens.has(label)) tokens.set(label, token);
  });
  const url = /GraphQL and GraphiQL: (\S+)/.exec(lines.join("\n"))?.[1] as string;
  const token = (label: string) => {
    const value = tokens.get(label);
    if (!value) throw new Error(`the platform printed no token for "${label}"`);
    return value;
  };
  return { child, url, token };
}
