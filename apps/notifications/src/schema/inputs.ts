import { z } from "zod";
import { NOTIFICATION_KINDS } from "../rules/kinds";
import { webhookUrlProblem } from "../webhooks/webhook-url";

const id = z.string().min(1, "must not be empty");
const localTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "must be a local time HH:MM, e.g. 22:00");

export const markReadInput = z.object({
  ids: z.array(id).min(1, "name at least one notification").max(100, "at most 100 at a time"),
});

export function registerWebhookInput(knownEventTypes: readonly string[]) {
  return z.object({
    url: z.string().superRefine((url, ctx) => {
      const problem = webhookUrlProblem(url);
      if (problem) ctx.addIssue({ code: "custom", message: problem });
    }),
    eventTypes: z
      .array(
        z
          .string()
          .refine((type) => knownEventTypes.includes(type), { error: (issue) => `unknown event type ${JSON.stringify(issue.input)}` }),
      )
      .min(1, "name at least one event type")
      .transform((types) => [...new Set(types)]),
    secret: z.string().min(16, "must be at least 16 characters").max(256, "must be at most 256 characters"),
    unit: z
      .string()
      .regex(/^(\d{5}|\*)$/, 'must be a 5-digit unit code or "*"')
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
      ctx.addIssue({ code: "custom", path: ["clearQuietHours"], message: "cannot be set together with quietHours" });
    if (input.quietHours && input.quietHours.start === input.quietHours.end)
      ctx.addIssue({ code: "custom", path: ["quietHours", "end"], message: "must differ from start" });
  });
