/** 2026-03-15 → 15/03/2026, the way dates are written in Vietnamese documents. */
export function vietnameseDate(isoDate: string): string {
  const [year, month, day] = isoDate.slice(0, 10).split("-");
  return `${day}/${month}/${year}`;
}

/** The task's title in quotes, or its id when the title is not known yet. */
export function taskName(task: { title: string } | null, taskId: string): string {
  return task ? `"${task.title}"` : `mã ${taskId}`;
}

export function unitName(unit: string): string {
  return unit === "*" ? "Ủy ban MTTQ Thành phố" : `đơn vị ${unit}`;
}
