import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { DEV_AUTH_SECRET } from "../src/dev-token";
import { ROLES } from "@lienthong/contracts/roles";
import { AuthenticationError, createVerifier } from "../src/verify";

const packageDir = fileURLToPath(new URL("..", import.meta.url));

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function runCli(args: string[], env: Record<string, string> = {}): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ["--import", "tsx", "src/cli/dev-token.ts", ...args],
      { cwd: packageDir, env: { ...process.env, AUTH_SECRET: "", ...env } },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

describe("dev-token CLI", () => {
  it("prints only a token that the development verifier accepts", async () => {
    const run = await runCli([
      "--sub",
      "official-1",
      "--name",
      "Nguyễn Văn A",
      "--role",
      "unit_admin",
      "--role",
      "inspector",
      "--unit",
      "26740",
      "--unit",
      "26737",
    ]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+\n$/);
    const principal = await createVerifier({ secret: DEV_AUTH_SECRET }).verify(run.stdout.trim());
    expect(principal).toEqual({ sub: "official-1", name: "Nguyễn Văn A", roles: ["unit_admin", "inspector"], units: ["26740", "26737"] });
  });

  it("signs with AUTH_SECRET when it is set", async () => {
    const secret = "a-deployment-secret-of-at-least-32-chars";
    const run = await runCli(["--sub", "admin", "--name", "Admin", "--role", "city_admin", "--unit", "*"], { AUTH_SECRET: secret });
    expect(run.code).toBe(0);
    await expect(createVerifier({ secret }).verify(run.stdout.trim())).resolves.toMatchObject({ units: ["*"] });
    await expect(createVerifier({ secret: DEV_AUTH_SECRET }).verify(run.stdout.trim())).rejects.toBeInstanceOf(AuthenticationError);
  });

  it("exits 1 naming the flag for an unknown role, a malformed unit code or one that is none of the 168 units", async () => {
    const run = await runCli(["--sub", "x", "--name", "X", "--role", "mayor", "--unit", "2673", "--unit", "99999"]);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe("");
    expect(run.stderr).toContain('--role: vai trò "mayor" không tồn tại');
    expect(run.stderr).toContain('--unit: "2673" không phải mã đơn vị 5 chữ số');
    expect(run.stderr).toContain('--unit: "99999" không phải mã của phường, xã hay đặc khu nào');
  });

  it("exits 1 when a required flag is missing, or an option is unknown", async () => {
    const run = await runCli(["--sub", "x", "--role", "unit_admin", "--unit", "26740"]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("thiếu --name");
    const unknown = await runCli(["--sub", "x", "--name", "X", "--role", "unit_admin", "--unit", "26740", "--unti", "1"]);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain("không có tùy chọn --unti");
  });

  it("prints its usage with --help, naming every role, and exits 0", async () => {
    const run = await runCli(["--help"]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Cách dùng: pnpm --silent dev-token --sub ID/);
    for (const role of ROLES) expect(run.stdout).toContain(role);
  });
});
