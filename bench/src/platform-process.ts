import { z } from "zod";
import { startTypeScript } from "@lienthong/testing/child-process";
import { freePort } from "@lienthong/testing/free-port";
import { tempDir } from "@lienthong/testing/temp-dir";

/** `pnpm start`'s entry point: every service and the gateway in one process, embedded store and bus. */
const PLATFORM_MAIN = import.meta.resolve("@lienthong/platform/main");
const START_TIMEOUT_MS = 120_000;

export interface PlatformProcess {
  /** The gateway's GraphQL endpoint. */
  url: string;
  /** The development token printed for a demo user, e.g. "ward admin 26740" or "officer 26740" (the first one listed). */
  token(label: string): string;
  /** SIGTERM, wait for the exit, remove the data folder. */
  stop(): Promise<void>;
}

const startupSchema = z.object({
  url: z.url({ error: "the platform printed no GraphQL URL" }),
  tokens: z.map(z.string(), z.string().regex(/^[\w-]+\.[\w-]+\.[\w-]+$/, "is not a JWT")),
});

/** Reads the URL and the development tokens from the platform's start-up banner (see apps/platform/src/main.ts). */
function parseStartup(lines: readonly string[]): z.output<typeof startupSchema> {
  const tokens = new Map<string, string>();
  lines.forEach((line, index) => {
    const label = /^ {2}(city admin|ward admin \d{5}|officer \d{5})/.exec(line)?.[1];
    const token = lines[index + 1]?.trim();
    if (label && token && !tokens.has(label)) tokens.set(label, token);
  });
  const url = /GraphQL and GraphiQL: (\S+)/.exec(lines.join("\n"))?.[1];
  const parsed = startupSchema.safeParse({ url, tokens });
  if (!parsed.success)
    throw new Error(
      `platform start-up banner: ${parsed.error.issues.map((issue) => `${issue.path.join(".")} ${issue.message}`).join("; ")}`,
    );
  return parsed.data;
}

/** Starts the all-in-one platform as a child process on a free port with a fresh temp data folder (demo seed included). */
export async function startPlatformProcess(): Promise<PlatformProcess> {
  const data = tempDir("lienthong-bench-platform-");
  const child = startTypeScript(PLATFORM_MAIN, {
    env: {
      DATA_DIR: data.path,
      PORT: String(await freePort()),
      LOG_LEVEL: "warn",
      CLOCK_START: undefined,
      NATS_URL: undefined,
      MONGODB_URL: undefined,
      NODE_ENV: undefined,
    },
  });
  const stop = async () => {
    await child.stop();
    await data.remove();
  };
  try {
    await child.waitForLine(/Stop with Ctrl\+C/, { timeoutMs: START_TIMEOUT_MS });
    const { url, tokens } = parseStartup(child.stdoutLines());
    return {
      url,
      token(label) {
        const token = tokens.get(label);
        if (!token) throw new Error(`the platform printed no token for "${label}"; it printed: ${[...tokens.keys()].join(", ")}`);
        return token;
      },
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
