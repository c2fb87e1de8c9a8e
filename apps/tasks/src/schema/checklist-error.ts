import type { Result } from "@lienthong/contracts/errors";
import { valueOrThrow } from "@lienthong/subgraph/domain-errors";
import { DomainError } from "@lienthong/subgraph/errors";
import { CHECKLIST_FIELDS, CHECKLIST_ITEMS, type ChecklistItem } from "../tasks/checklist";
import { CHECKLIST_PATH } from "../tasks/task";

/** assignTask refused: the "rõ" checklist is incomplete. Code VALIDATION, with every missing item named. */
export class ChecklistIncompleteError extends DomainError {
  readonly code = "VALIDATION";
  override readonly name = "ChecklistIncompleteError";

  constructor(readonly missing: ChecklistItem[]) {
    super(`Chưa thể giao nhiệm vụ khi còn thiếu: ${missing.map((item) => CHECKLIST_FIELDS[item].missing).join("; ")}.`);
  }
}

/** Like valueOrThrow, but a refusal naming checklist items becomes ChecklistIncompleteError. */
export function valueOrChecklistError<Value>(result: Result<Value>): Value {
  if (!result.ok && result.error.code === "VALIDATION") {
    const items = result.error.fields.filter((field) => field.path[0] === CHECKLIST_PATH).map((field) => field.path[1]);
    const missing = items.filter((item): item is ChecklistItem => CHECKLIST_ITEMS.includes(item as ChecklistItem));
    if (missing.length > 0 && missing.length === result.error.fields.length) throw new ChecklistIncompleteError(missing);
  }
  return valueOrThrow(result);
}
