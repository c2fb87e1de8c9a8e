import { z } from "zod";
import { ROLES } from "@lienthong/auth/principal";

const text = (max: number) => z.string().trim().min(1, "must not be empty").max(max, `must be at most ${max} characters`);
const nullToUndefined = <T>(value: T | null | undefined): T | undefined => (value === null ? undefined : value);

const unit = z.string().regex(/^\d{5}$/, "must be a 5-digit unit code");
const ROLE_NAMES = ROLES.map((role) => role.toUpperCase());
const role = z
  .string()
  .refine((name) => ROLE_NAMES.includes(name), {
    error: (issue) => `unknown role ${JSON.stringify(issue.input)} (expected one of ${ROLE_NAMES.join(", ")})`,
  })
  .transform((name) => ROLES[ROLE_NAMES.indexOf(name)] as (typeof ROLES)[number]);
const roles = z.array(role).min(1, "name at least one role");
const email = z.email("must be an e-mail address");
const phone = z.string().regex(/^(\+84|0)\d{9,10}$/, "must be a Vietnamese phone number, e.g. 0901234567 or +84901234567");

export const registerOfficialInput = z.object({
  fullName: text(200),
  position: text(200),
  unit,
  roles,
  email: email.nullish().transform(nullToUndefined),
  phone: phone.nullish().transform(nullToUndefined),
});

/** Absent = unchanged; for e-mail and phone, null = remove. */
export const updateOfficialInput = z.object({
  id: z.string().min(1, "must not be empty"),
  fullName: text(200).nullish().transform(nullToUndefined),
  position: text(200).nullish().transform(nullToUndefined),
  unit: unit.nullish().transform(nullToUndefined),
  roles: roles.nullish().transform(nullToUndefined),
  email: email.nullish(),
  phone: phone.nullish(),
});

export const deactivateOfficialInput = z.object({
  id: z.string().min(1, "must not be empty"),
  reason: text(500),
});
