import { parseArgs } from "node:util";
import { z } from "zod";
import { DEV_AUTH_SECRET, signDevToken } from "../dev-token";
import { roleSchema, unitScopeSchema } from "../principal";

const USAGE = `Usage: pnpm --silent dev-token --sub ID --name NAME --role ROLE [--role ...] --unit CODE|* [--unit ...] [--expires-in 12h]
Prints a development token signed with AUTH_SECRET (or the development default).`;

const argsSchema = z.object({
  sub: z.string({ error: "--sub is required" }).min(1, "--sub must not be empty"),
  name: z.string({ error: "--name is required" }).min(1, "--name must not be empty"),
  role: z.array(roleSchema).min(1, "--role is required (repeat it for several roles)"),
  unit: z.array(unitScopeSchema).min(1, "--unit is required (a 5-digit unit code or *; repeat it for several units)"),
  "expires-in": z
    .string()
    .regex(/^\d+[smhdw]$/, "--expires-in must look like 30m, 12h or 7d")
    .default("12h"),
});

const envSchema = z.object({
  AUTH_SECRET: z.string().min(32, "AUTH_SECRET must be at least 32 characters").optional(),
});

function fail(message: string): never {
  process.stderr.write(`${message}\n${USAGE}\n`);
  process.exit(1);
}

function readArgs() {
  try {
    const { values } = parseArgs({
      options: {
        sub: { type: "string" },
        name: { type: "string" },
        role: { type: "string", multiple: true, default: [] },
        unit: { type: "string", multiple: true, default: [] },
        "expires-in": { type: "string" },
      },
      strict: true,
      allowPositionals: false,
    });
    return values;
  } catch (error) {
    return fail(error instanceof Error ? error.message : String(error));
  }
}

function describe(error: z.ZodError): string {
  return error.issues
    .map((issue) => {
      const flag = `--${String(issue.path[0])}`;
      return issue.message.startsWith(flag) ? issue.message : `${flag}: ${issue.message}`;
    })
    .join("\n");
}

const args = argsSchema.safeParse(readArgs());
if (!args.success) fail(describe(args.error));
const env = envSchema.safeParse({ AUTH_SECRET: process.env.AUTH_SECRET || undefined });
if (!env.success) fail(env.error.issues.map((issue) => issue.message).join("\n"));

const { sub, name, role, unit } = args.data;
const token = await signDevToken({ sub, name, roles: role, units: unit }, env.data.AUTH_SECRET ?? DEV_AUTH_SECRET, {
  expiresIn: args.data["expires-in"],
});
process.stdout.write(`${token}\n`);
