import { z } from "zod";
import type { Principal } from "@lienthong/auth/principal";
import type { DomainError, Result } from "@lienthong/contracts/errors";
import type { SubgraphOptions } from "@lienthong/subgraph/create-subgraph";

type App = Parameters<NonNullable<SubgraphOptions["routes"]>>[0];

/** `units=26740,27592` in a report URL. */
export const unitsParameter = z
  .string()
  .regex(/^\d{5}(,\d{5})*$/, "Phải là các mã đơn vị 5 chữ số, cách nhau bằng dấu phẩy.")
  .transform((value) => value.split(","))
  .optional();

/**
 * A report as a CSV download with the same rules as GraphQL: a token is required (401), the query string is
 * parsed and every bad parameter named (400), and units the caller may not read are refused (403).
 */
export function addCsvReport<Query>(
  app: App,
  options: {
    path: string;
    filename: string;
    query: z.ZodType<Query>;
    produce: (principal: Principal, query: Query) => Promise<Result<string, DomainError>>;
  },
): void {
  app.get(options.path, async (c) => {
    const principal = c.var.principal;
    if (principal === null) return c.json({ error: { code: "UNAUTHENTICATED", message: "Cần đăng nhập (gửi kèm mã xác thực)." } }, 401);
    const parsed = options.query.safeParse(c.req.query());
    if (!parsed.success) {
      const fields = parsed.error.issues.map((issue) => ({ path: issue.path.map(String), message: issue.message }));
      return c.json({ error: { code: "VALIDATION", message: "Tham số truy vấn chưa hợp lệ.", fields } }, 400);
    }
    const csv = await options.produce(principal, parsed.data);
    if (!csv.ok) return c.json({ error: { code: csv.error.code, message: csv.error.message } }, 403);
    return c.body(csv.value, 200, {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${options.filename}"`,
    });
  });
}
