import { newId } from "@lienthong/contracts/ids";

/** 168 ward/commune codes shaped like the NSO codes of Ho Chi Minh City units (5 digits). */
export const UNIT_CODES: readonly string[] = Array.from({ length: 168 }, (_, index) => String(26734 + index * 3));

export const TASK_STATUSES = ["assigned", "in_progress", "reported", "overdue"] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];

/** The stored shape of a task, as the tasks service keeps it (state fields + version). */
export interface TaskDocument {
  _id: string;
  unit: string;
  status: TaskStatus;
  deadline: Date;
  /** Unique per task and not indexed: a lookup by title scans the collection. */
  title: string;
  programme: string;
  version: number;
}

const TITLES = [
  "Tuyên truyền Nghị quyết Đại hội MTTQ đến khu phố",
  "Khảo sát hộ nghèo, hộ cận nghèo quý III",
  "Tổ chức Ngày hội Đại đoàn kết toàn dân tộc",
  "Giám sát thực hiện chính sách người có công",
  "Lấy ý kiến Nhân dân về dự thảo văn kiện",
];

/** A small deterministic PRNG (mulberry32): every run benchmarks the same data. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function pick<T>(items: readonly T[], random: () => number): T {
  return items[Math.floor(random() * items.length)] as T;
}

const DAY_MS = 86_400_000;
const DEADLINE_ORIGIN = Date.UTC(2026, 0, 1);

export function makeTasks(count: number, random: () => number): TaskDocument[] {
  return Array.from({ length: count }, (_, index) => {
    const unit = pick(UNIT_CODES, random);
    return {
      _id: newId(),
      unit,
      status: pick(TASK_STATUSES, random),
      deadline: new Date(DEADLINE_ORIGIN + Math.floor(random() * 365) * DAY_MS),
      title: `${pick(TITLES, random)} (${index + 1})`,
      programme: `programme-${1 + Math.floor(random() * 40)}`,
      version: 1,
    };
  });
}
