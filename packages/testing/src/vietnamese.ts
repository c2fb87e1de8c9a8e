/**
 * Checks that the messages people read are Vietnamese (ARCHITECTURE.md §12), on whole GraphQL responses: the
 * top-level `errors[].message`, payload errors' `message` and `fields[].message` — every `message` string
 * anywhere in the response.
 *
 * The rule: a message is Vietnamese when, outside quoted parts ("…", `…`, which name values, fields and types
 * as the caller wrote them), it has at least one letter only Vietnamese uses (ă â đ ê ô ơ ư or a tone mark)
 * and none of a short list of English words that no Vietnamese sentence contains. A bare code
 * (`NOT_FOUND`) passes: it is for programs.
 */

export interface FoundMessage {
  /** Where in the response, e.g. `errors.0.message`, `data.registerOfficial.fields.1.message`. */
  at: string;
  message: string;
}

// Lower-case letters with a Vietnamese diacritic (precomposed); the upper-case ones are matched case-insensitively.
const VIETNAMESE_LETTER = /[àáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễìíịỉĩòóọỏõôồốộổỗơờớợởỡùúụủũưừứựửữỳýỵỷỹđ]/iu;

// English words that are not also Vietnamese syllables ("to", "may", "an", "can", "in" are, so they are not here).
const ENGLISH_WORDS = new Set(
  (
    "the is are was were be been must cannot not of for with without found got expected invalid required unknown allowed " +
    "error value field fields only you your this that when should does has have please provide provided missing denied " +
    "unexpected authentication forbidden argument variable type"
  ).split(" "),
);

const CODE = /^[A-Z][A-Z0-9_]*$/;

/** Whether one message reads as Vietnamese by the rule above. */
export function isVietnamese(message: string): boolean {
  if (CODE.test(message.trim())) return true;
  const prose = message.replace(/"(?:[^"\\]|\\.)*"|`[^`]*`/g, " ");
  if (!VIETNAMESE_LETTER.test(prose)) return false;
  const words = prose.toLowerCase().match(/\p{L}+/gu) ?? [];
  return !words.some((word) => ENGLISH_WORDS.has(word));
}

/** Every `message` string in a response (or any JSON value), with its path. */
export function messagesOf(response: unknown, at: string[] = []): FoundMessage[] {
  if (Array.isArray(response)) return response.flatMap((item, index) => messagesOf(item, [...at, String(index)]));
  if (response === null || typeof response !== "object") return [];
  return Object.entries(response).flatMap(([key, value]) =>
    key === "message" && typeof value === "string" ? [{ at: [...at, key].join("."), message: value }] : messagesOf(value, [...at, key]),
  );
}

/** The messages of a response that are not Vietnamese. */
export function englishMessages(response: unknown): FoundMessage[] {
  return messagesOf(response).filter((found) => !isVietnamese(found.message));
}

/** Throws, listing them, when a response has a message that is not Vietnamese. Passes a response without messages. */
export function assertNoEnglish(response: unknown): void {
  const english = englishMessages(response);
  if (english.length > 0) {
    throw new Error(`messages people read must be Vietnamese:\n${english.map(({ at, message }) => `  ${at}: ${message}`).join("\n")}`);
  }
}

/**
 * For tests of error paths: the response must carry at least one message (so a refusal that silently succeeded
 * fails too), and every message must be Vietnamese. Returns the messages for further assertions.
 */
export function expectVietnamese(response: unknown): FoundMessage[] {
  const found = messagesOf(response);
  if (found.length === 0) throw new Error(`expected an error message in the response, found none: ${JSON.stringify(response)}`);
  assertNoEnglish(response);
  return found;
}
