/**
 * Vietnamese for the messages GraphQL itself writes (graphql-js parsing, validation and variable coercion,
 * yoga's request checks, Pothos' paging arguments), so a client shows its users no English. Names, types and
 * values inside the messages stay as the query wrote them. `undefined` means "not one of those templates".
 */
export function vietnameseGraphQLMessage(message: string): string | undefined {
  const { text, alternatives } = splitSuggestion(message);
  const translated = translate(text);
  if (translated === undefined) return undefined;
  if (alternatives === undefined) return translated;
  return `${translated} Có phải ý bạn là ${alternatives.replace(/^the enum value /, "").replace(/,? or /, " hoặc ")}?`;
}

/** Said for a GraphQL-level error none of the templates knows; the original stays in `extensions.detail` for developers. */
export const INVALID_REQUEST_MESSAGE = "Yêu cầu GraphQL không hợp lệ.";

type Template = [pattern: RegExp, render: (...parts: string[]) => string];

const SCALAR_VALUE = /^(Int|Float|String|Boolean|ID) cannot represent (?:an? )?(?:non[- ][\w -]+? )?value: (.*)$/s;

// Inner messages: what is wrong with one value (after "Variable … got invalid value …;").
const VALUE_TEMPLATES: Template[] = [
  [/^Expected non-nullable type "(.+)" not to be null\.$/, (type) => `giá trị kiểu ${type} không được để trống (null).`],
  [/^Field "([\w.]+)" of required type "(.+)" was not provided\.$/, (field, type) => `thiếu trường bắt buộc "${field}" (kiểu ${type}).`],
  [/^Field "(\w+)" is not defined by type "(\w+)"\.$/, (field, type) => `kiểu "${type}" không có trường "${field}".`],
  [/^Expected type "(\w+)" to be an object\.$/, (type) => `cần một đối tượng kiểu "${type}".`],
  [/^Expected type "(\w+)"\. (.*)$/s, (type, rest) => `cần giá trị kiểu "${type}": ${translateValue(rest)}`],
  [SCALAR_VALUE, (type, value) => `giá trị ${value} không đúng kiểu ${type}.`],
  [/^Value "(.+)" does not exist in "(\w+)" enum\.$/, (value, type) => `giá trị "${value}" không có trong kiểu liệt kê ${type}.`],
  [
    /^Enum "(\w+)" cannot represent non-(?:enum|string) value: (.*?)\.?$/s,
    (type, value) => `giá trị ${value} không thuộc kiểu liệt kê ${type}.`,
  ],
];

const TEMPLATES: Template[] = [
  [/^Syntax Error: (.*)$/s, (detail) => `Lỗi cú pháp GraphQL: ${syntaxDetail(detail)}`],
  [/^Cannot query field "(\w+)" on type "(\w+)"\.$/, (field, type) => `Kiểu "${type}" không có trường "${field}".`],
  [/^Unknown argument "(\w+)" on field "([\w.]+)"\.$/, (arg, field) => `Trường "${field}" không có tham số "${arg}".`],
  [/^Unknown argument "(\w+)" on directive "(@\w+)"\.$/, (arg, directive) => `Chỉ thị ${directive} không có tham số "${arg}".`],
  [
    /^Field "([\w.]+)" argument "(\w+)" of type "(.+)" is required, but it was not provided\.$/,
    (field, arg, type) => `Trường "${field}" thiếu tham số bắt buộc "${arg}" (kiểu ${type}).`,
  ],
  [/^Unknown type "(\w+)"\.$/, (type) => `Không có kiểu "${type}".`],
  [/^Unknown directive "(@\w+)"\.$/, (directive) => `Không có chỉ thị ${directive}.`],
  [/^Unknown fragment "(\w+)"\.$/, (name) => `Không có fragment "${name}".`],
  [/^Fragment "(\w+)" is never used\.$/, (name) => `Fragment "${name}" được khai báo nhưng không dùng.`],
  [/^Unknown operation named "(.+)"\.$/, (name) => `Không có thao tác tên "${name}".`],
  [/^Variable "\$(\w+)" is not defined(?: by operation "\w+")?\.$/, (name) => `Biến "$${name}" chưa được khai báo.`],
  [/^Variable "\$(\w+)" is never used(?: in operation "\w+")?\.$/, (name) => `Biến "$${name}" được khai báo nhưng không dùng.`],
  [
    /^Variable "\$(\w+)" of type "(.+)" used in position expecting type "(.+)"\.$/,
    (name, type, expected) => `Biến "$${name}" có kiểu ${type} nhưng ở vị trí này cần kiểu ${expected}.`,
  ],
  [/^Variable "\$(\w+)" of required type "(.+)" was not provided\.$/, (name, type) => `Thiếu biến bắt buộc "$${name}" (kiểu ${type}).`],
  [
    /^Variable "\$(\w+)" of non-null type "(.+)" must not be null\.$/,
    (name, type) => `Biến "$${name}" (kiểu ${type}) không được để trống (null).`,
  ],
  [
    /^Variable "\$(\w+)" got invalid value (.*?)(?: at "([^"]+)")?; (.*)$/s,
    (name, value, at, problem) =>
      `Biến "$${name}" có giá trị không hợp lệ ${value}${at ? ` tại "${at}"` : ""}: ${translateValue(problem ?? "")}`,
  ],
  [
    /^Expected value of type "(.+)", found (.+?)(?:; (.*))?$/s,
    (type, value, problem) =>
      `Giá trị ${value.replace(/\.$/, "")} không đúng kiểu ${type}${problem ? `: ${translateValue(problem)}` : "."}`,
  ],
  [/^Field "([\w.]+)" of required type "(.+)" was not provided\.$/, (field, type) => `Thiếu trường bắt buộc "${field}" (kiểu ${type}).`],
  [/^Field "(\w+)" is not defined by type "(\w+)"\.$/, (field, type) => `Kiểu "${type}" không có trường "${field}".`],
  [
    /^Field "(\w+)" must not have a selection since type "(.+)" has no subfields\.$/,
    (field, type) => `Trường "${field}" (kiểu ${type}) không có trường con để chọn.`,
  ],
  [
    /^Field "(\w+)" of type "(.+)" must have a selection of subfields\.$/,
    (field, type) => `Trường "${field}" (kiểu ${type}) cần chọn các trường con.`,
  ],
  [/^Cannot return null for non-nullable field (.+)\.$/, (field) => `Trường ${field} không được trả về trống (null).`],
  [/^There can be only one (.+)\.$/, (what) => `Chỉ được có một ${what}.`],
  [/^This anonymous operation must be the only defined operation\.$/, () => "Thao tác không tên phải là thao tác duy nhất của tài liệu."],
  [/^Must provide query string\.$/, () => "Cần gửi câu truy vấn (query)."],
  [
    /^Must provide operation name if query contains multiple operations\.$/,
    () => "Tài liệu có nhiều thao tác: hãy cho biết operationName.",
  ],
  [/^Can only perform a mutation operation from a POST request\.$/, () => "Chỉ thực hiện được mutation bằng yêu cầu POST."],
  [/^POST body sent invalid JSON\.$/, () => "Nội dung POST không phải JSON hợp lệ."],
  [/^Argument "(first|last)" must be a non-negative integer$/, (arg) => `Tham số "${arg}" phải là số nguyên không âm.`],
  [
    /^Argument "last" can only be used in combination with "before" or "first"$/,
    () => 'Tham số "last" chỉ dùng được cùng "before" hoặc "first".',
  ],
  [
    /^GraphQL introspection has been disabled, but the requested query contained the field "(\w+)"\.$/,
    (field) => `Máy chủ này không cho truy vấn cấu trúc lược đồ (introspection); truy vấn có trường "${field}".`,
  ],
  [/^Schema is not configured to execute (query|mutation|subscription) operation\.$/, (kind) => `Lược đồ không hỗ trợ thao tác ${kind}.`],
  [/^GraphQL only supports GET and POST requests\.$/, () => "GraphQL chỉ nhận yêu cầu GET hoặc POST."],
  [/^Required CSRF header\(s\) not present$/, () => "Yêu cầu bị từ chối để chống giả mạo (CSRF): thiếu tiêu đề bắt buộc."],
  [/^Invalid offset cursor/, () => "Con trỏ phân trang (cursor) không hợp lệ."],
  [/^Invalid global ID/, () => "ID không hợp lệ."],
];

function translate(text: string): string | undefined {
  const valueProblem = apply(VALUE_TEMPLATES, text);
  return apply(TEMPLATES, text) ?? (valueProblem === undefined ? undefined : capitalized(valueProblem));
}

function capitalized(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** A value problem; one of ours (already Vietnamese, e.g. a Date scalar's) stays as it is. */
function translateValue(text: string): string {
  return apply(VALUE_TEMPLATES, text) ?? text;
}

function apply(templates: Template[], text: string): string | undefined {
  for (const [pattern, render] of templates) {
    const match = pattern.exec(text);
    if (match) return render(...match.slice(1).map((part) => part ?? ""));
  }
  return undefined;
}

function syntaxDetail(detail: string): string {
  const expected = /^Expected (.+), found (.+)\.$/.exec(detail);
  if (expected) return `cần ${expected[1]} nhưng gặp ${expected[2]}.`;
  const unexpected = /^Unexpected (.+)\.$/.exec(detail);
  if (unexpected) return `không chờ đợi ${unexpected[1]}.`;
  if (/^Unterminated string\.$/.test(detail)) return "chuỗi chưa được đóng.";
  return detail;
}

/** graphql-js appends " Did you mean "a", "b", or "c"?" to many messages. */
function splitSuggestion(message: string): { text: string; alternatives?: string } {
  const match = /^(.*?)\s*Did you mean (.+)\?$/s.exec(message);
  return match ? { text: match[1] as string, alternatives: match[2] as string } : { text: message };
}
