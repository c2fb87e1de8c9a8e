import { writeSync } from "node:fs";
import type { z } from "zod";

export type Env = Record<string, string | undefined>;

/** Every problem of a configuration, one `VARIABLE: problem` line each. */
export class ConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    const count = problems.length === 1 ? "1 problem" : `${problems.length} problems`;
    super(`Invalid configuration (${count}):\n${problems.map((problem) => `  ${problem}`).join("\n")}`);
    this.name = "ConfigError";
  }
}

/**
 * Parses environment variables with a zod schema into a deeply frozen config, or throws a ConfigError listing every
 * problem. Empty (or blank) values count as unset, so `PORT=` falls back to the default like a missing PORT.
 */
export function parseConfig<S extends z.ZodType>(schema: S, env: Env): Readonly<z.output<S>> {
  const values = withoutBlanks(env);
  const result = schema.safeParse(values);
  if (!result.success) throw new ConfigError(describeProblems(result.error, values));
  return deepFreeze(result.data);
}

/** For composition roots: parse, or print every problem to stderr and exit with code 1. */
export function loadConfig<S extends z.ZodType>(schema: S, env: Env = process.env): Readonly<z.output<S>> {
  try {
    return parseConfig(schema, env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    // Synchronous, so the message is complete before the process exits.
    writeSync(process.stderr.fd, `${error.message}\n`);
    process.exit(1);
  }
}

function withoutBlanks(env: Env): Env {
  return Object.fromEntries(Object.entries(env).map(([name, value]) => [name, value?.trim() === "" ? undefined : value]));
}

function describeProblems(error: z.ZodError, values: Env): string[] {
  const lines = error.issues.map((issue) => {
    const name = issue.path.map(String).join(".") || "(configuration)";
    const variable = issue.path[0];
    const value = typeof variable === "string" ? values[variable] : undefined;
    if (value === undefined) return issue.code === "invalid_type" ? `${name}: is required but not set` : `${name}: ${issue.message}`;
    return `${name}: ${issue.message} (got ${shown(String(variable), value)})`;
  });
  return [...new Set(lines)];
}

const SECRET_NAME = /SECRET|PASSWORD|PASSWD|TOKEN|PRIVATE|API_KEY|CREDENTIAL/i;
const MAX_SHOWN = 80;

/** The offending value as an operator needs to see it — but never a secret, not even inside a URL. */
function shown(name: string, value: string): string {
  if (SECRET_NAME.test(name)) return `a hidden value of ${value.length} characters`;
  const masked = value.replace(/(\/\/[^:/@\s]+:)[^@/\s]*@/g, "$1***@");
  const clipped = masked.length > MAX_SHOWN ? `${masked.slice(0, MAX_SHOWN)}…` : masked;
  return JSON.stringify(clipped);
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
