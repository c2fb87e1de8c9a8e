import { parseArgs } from "node:util";
import { z } from "zod";
import { loadHcmcUnits } from "@lienthong/contracts/units-file";
import { DEV_AUTH_SECRET, signDevToken } from "../dev-token";
import { ROLES } from "@lienthong/contracts/roles";
import { CITY_LEVEL, roleSchema, unitScopeSchema } from "../principal";

const USAGE = `Cách dùng: pnpm --silent dev-token --sub ID --name TÊN --role VAI_TRÒ [--role …] --unit MÃ|* [--unit …] [--expires-in 12h]

In ra một mã truy cập (token) để dùng khi phát triển, ký bằng AUTH_SECRET (không đặt thì bằng khóa mặc định khi phát triển).

  --sub ID           người dùng là ai (mã cán bộ trong danh bạ, nếu có)
  --name TÊN         họ tên hiển thị
  --role VAI_TRÒ     ${ROLES.join(", ")}; lặp lại để có nhiều vai trò
  --unit MÃ|*        mã 5 chữ số của một trong 168 phường, xã, đặc khu, hoặc * cho cấp Thành phố; lặp lại được
  --expires-in 12h   thời hạn, ví dụ 30m, 12h, 7d (mặc định 12h)
  --help             in hướng dẫn này

Ví dụ: pnpm --silent dev-token --sub u-1 --name "Nguyễn Văn A" --role unit_officer --unit 26740`;

const knownUnits = new Set(loadHcmcUnits().map((unit) => unit.code));

const unitSchema = unitScopeSchema.refine((code) => code === CITY_LEVEL || knownUnits.has(code), {
  error: (issue) => `${JSON.stringify(issue.input)} không phải mã của phường, xã hay đặc khu nào trong 168 đơn vị của Thành phố`,
});

const argsSchema = z.object({
  sub: z.string({ error: "thiếu --sub" }).min(1, "--sub không được để trống"),
  name: z.string({ error: "thiếu --name" }).min(1, "--name không được để trống"),
  role: z.array(roleSchema).min(1, "thiếu --role (lặp lại để có nhiều vai trò)"),
  unit: z.array(unitSchema).min(1, "thiếu --unit (mã đơn vị 5 chữ số hoặc *; lặp lại để có nhiều đơn vị)"),
  "expires-in": z
    .string()
    .regex(/^\d+[smhdw]$/, "--expires-in phải có dạng 30m, 12h hoặc 7d")
    .default("12h"),
});

const envSchema = z.object({
  AUTH_SECRET: z.string().min(32, "AUTH_SECRET phải dài ít nhất 32 ký tự").optional(),
});

function fail(message: string): never {
  process.stderr.write(`${message}\n\n${USAGE}\n`);
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
        help: { type: "boolean", short: "h", default: false },
      },
      strict: true,
      allowPositionals: false,
    });
    return values;
  } catch (error) {
    const option = error instanceof Error ? /'([^']+)'/.exec(error.message)?.[1] : undefined;
    return fail(option ? `không có tùy chọn ${option}` : "tham số không hợp lệ");
  }
}

function describe(error: z.ZodError): string {
  return error.issues
    .map((issue) => {
      const flag = `--${String(issue.path[0])}`;
      return issue.message.includes(flag) ? issue.message : `${flag}: ${issue.message}`;
    })
    .join("\n");
}

const { help, ...values } = readArgs();
if (help) {
  process.stdout.write(`${USAGE}\n`);
  process.exit(0);
}
const args = argsSchema.safeParse(values);
if (!args.success) fail(describe(args.error));
const env = envSchema.safeParse({ AUTH_SECRET: process.env.AUTH_SECRET || undefined });
if (!env.success) fail(env.error.issues.map((issue) => issue.message).join("\n"));

const { sub, name, role, unit } = args.data;
const token = await signDevToken({ sub, name, roles: role, units: unit }, env.data.AUTH_SECRET ?? DEV_AUTH_SECRET, {
  expiresIn: args.data["expires-in"],
});
process.stdout.write(`${token}\n`);
