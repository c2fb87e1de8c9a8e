import { z } from "zod";
import { NOTIFICATION_KINDS } from "../rules/kinds";
import { WEBHOOK_URL_PROBLEMS, webhookUrlProblem } from "../webhooks/webhook-url";

const id = z.string().min(1, "không được để trống");
const localTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "phải là giờ dạng HH:MM, ví dụ 22:00");

export const markReadInput = z.object({
  ids: z.array(id).min(1, "hãy chọn ít nhất một thông báo").max(100, "tối đa 100 thông báo mỗi lần"),
});

export function registerWebhookInput(knownEventTypes: readonly string[]) {
  return z.object({
    url: z.string().superRefine((url, ctx) => {
      const problem = webhookUrlProblem(url);
      if (problem) ctx.addIssue({ code: "custom", message: WEBHOOK_URL_PROBLEMS[problem] });
    }),
    eventTypes: z
      .array(
        z
          .string()
          .refine((type) => knownEventTypes.includes(type), { error: (issue) => `không có loại sự kiện ${JSON.stringify(issue.input)}` }),
      )
      .min(1, "hãy chọn ít nhất một loại sự kiện")
      .transform((types) => [...new Set(types)]),
    secret: z.string().min(16, "phải có ít nhất 16 ký tự").max(256, "không được quá 256 ký tự"),
    unit: z
      .string()
      .regex(/^(\d{5}|\*)$/, 'phải là mã đơn vị 5 chữ số, hoặc "*" cho toàn Thành phố')
      .nullish()
      .transform((value) => value ?? undefined),
  });
}

export const redeliverInput = z.object({ deliveryId: id });

export const updatePreferencesInput = z
  .object({
    channels: z
      .array(z.object({ kind: z.enum(NOTIFICATION_KINDS), inApp: z.boolean().nullish(), email: z.boolean().nullish() }))
      .nullish()
      .transform((value) =>
        value?.map((change) => ({ kind: change.kind, inApp: change.inApp ?? undefined, email: change.email ?? undefined })),
      ),
    quietHours: z.object({ start: localTime, end: localTime }).nullish(),
    clearQuietHours: z.boolean().nullish(),
  })
  .superRefine((input, ctx) => {
    if (input.quietHours && input.clearQuietHours)
      ctx.addIssue({
        code: "custom",
        path: ["clearQuietHours"],
        message: "không thể vừa đặt vừa xóa giờ tạm ngưng nhận thư trong cùng một lần",
      });
    if (input.quietHours && input.quietHours.start === input.quietHours.end)
      ctx.addIssue({ code: "custom", path: ["quietHours", "end"], message: "giờ kết thúc phải khác giờ bắt đầu" });
  });
