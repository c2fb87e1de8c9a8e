import { CITY_COMMITTEE } from "@lienthong/contracts/labels";

const SIGNATURE = `— Liên Thông, ${CITY_COMMITTEE}`;
const SIGNED = `\n\n${SIGNATURE}`;

/** A notification's body as the text of its e-mail: the body, then who sends it. */
export function mailText(body: string): string {
  return `${body}${SIGNED}`;
}

/** The body again, so a digest signs once rather than once per notification it carries. */
export function bodyOf(text: string): string {
  return text.endsWith(SIGNED) ? text.slice(0, -SIGNED.length) : text;
}

/** A digest's text: each notification's title and body, numbered, signed once. */
export function digestText(items: readonly { subject: string; text: string }[]): string {
  const listed = items.map((item, index) => `${index + 1}. ${item.subject}\n   ${bodyOf(item.text)}`).join("\n\n");
  return mailText(`Trong khoảng thời gian bạn đặt tạm ngưng nhận thư, có ${items.length} thông báo mới:\n\n${listed}`);
}
