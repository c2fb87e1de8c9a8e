import { directoryRules } from "./directory-rules";
import { oversightRules } from "./oversight-rules";
import type { AnyRule } from "./rule";
import { taskRules } from "./task-rules";

/** Every rule the service runs. A new service's rules are appended here; delivery code does not change. */
export const ALL_RULES: AnyRule[] = [...directoryRules, ...taskRules, ...oversightRules];

export function rulesFor(eventType: string, rules: readonly AnyRule[] = ALL_RULES): AnyRule[] {
  return rules.filter((rule) => rule.event.type === eventType);
}
