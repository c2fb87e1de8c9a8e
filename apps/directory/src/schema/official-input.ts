import { z } from "zod";
import { roleSchema } from "@lienthong/auth/principal";

const text = (max: number) => z.string().trim().min(1, "không được để trống").max(max, `không được dài quá ${max} ký tự`);
const nullToUndefined = <T>(value: T | null | undefined): T | undefined => (value === null ? undefined : value);

/** A ward's, commune's or special zone's 5-digit code, or `*` for the city committee. */
const unit = z.string().regex(/^(\d{5}|\*)$/, "phải là mã đơn vị 5 chữ số, hoặc * cho Ủy ban MTTQ Thành phố");
// Roles arrive as strings so an unknown one is a ValidationError naming `roles.N`, with the token spelling's message.
const roles = z.array(roleSchema).min(1, "cần ít nhất một vai trò");
const email = z.email("phải là một địa chỉ e-mail");
const phone = z.string().regex(/^(\+84|0)\d{9,10}$/, "phải là số điện thoại Việt Nam, ví dụ 0901234567 hoặc +84901234567");

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
  id: z.string().min(1, "không được để trống"),
  fullName: text(200).nullish().transform(nullToUndefined),
  position: text(200).nullish().transform(nullToUndefined),
  unit: unit.nullish().transform(nullToUndefined),
  roles: roles.nullish().transform(nullToUndefined),
  email: email.nullish(),
  phone: phone.nullish(),
});

export const deactivateOfficialInput = z.object({
  id: z.string().min(1, "không được để trống"),
  reason: text(500),
});
