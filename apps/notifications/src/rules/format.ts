import { unitLabel } from "@lienthong/contracts/labels";

/** 2026-03-15 → 15/03/2026, the way dates are written in Vietnamese documents. */
export function vietnameseDate(isoDate: string): string {
  const [year, month, day] = isoDate.slice(0, 10).split("-");
  return `${day}/${month}/${year}`;
}

/** The task's title in quotes, or its id when the title is not known yet. */
export function taskName(task: { title: string } | null, taskId: string): string {
  return task ? `"${task.title}"` : `mã ${taskId}`;
}

/** The unit as people know it ("Phường Sài Gòn", the city committee for `*`); a code no list knows stays a code. */
export function unitName(unit: string): string {
  const label = unitLabel(unit);
  return label === unit ? `đơn vị ${unit}` : label;
}

/** The first words of a long text, cut at a word boundary, so a message quotes it without repeating all of it. */
export function excerpt(text: string, maxLength = 100): string {
  if (text.length <= maxLength) return text;
  const cut = text.slice(0, maxLength);
  const lastSpace = cut.lastIndexOf(" ");
  return `${(lastSpace > 0 ? cut.slice(0, lastSpace) : cut).replace(/[\s,;:.]+$/, "")}…`;
}

/** The recommendation's content in quotes (its first words when long), or its id when it is not known. */
export function recommendationName(recommendation: { content: string } | null, recommendationId: string): string {
  return recommendation ? `"${excerpt(recommendation.content)}"` : `mã ${recommendationId}`;
}

/** The supervision's subject in quotes, or its id when its start was not seen. */
export function supervisionName(subject: string | undefined, supervisionId: string): string {
  return subject === undefined ? `mã ${supervisionId}` : `"${subject}"`;
}
