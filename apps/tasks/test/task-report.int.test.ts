import { expect, it } from "vitest";
import { addDays, type IsoDate } from "@lienthong/calendar/iso-date";
import { completionOf, dueAt } from "../src/tasks/task-deadline";
import { TASKS, toStored, type TaskDocument } from "../src/tasks/task-store";
import { TASK_STATUSES, type Task } from "../src/tasks/task-types";
import { BA_DIEM, BEN_THANH, SAI_GON, START, people, startTasks } from "./support/tasks-fixture";

const TAN_DINH = "26737";
/** Holds only a draft and a cancelled task: in no bucket. */
const CAU_ONG_LANH = "26758";
const SUMMARY_FIELDS = "doneOnTime doneLate inProgressWithinDeadline overdueNotDone total overdueShare";

/** Every status in each unit, deadlines around "now" (2026-03-10), some handed in late, some with no deadline. */
function variedTasks(): Task[] {
  const units = [SAI_GON, SAI_GON, BA_DIEM, BEN_THANH, TAN_DINH];
  return Array.from({ length: 60 }, (_, index): Task => {
    const unit = units[index % units.length] as string;
    const status = TASK_STATUSES[index % TASK_STATUSES.length] ?? "DRAFT";
    const deadline = index % 11 === 0 ? undefined : addDays("2026-02-20" as IsoDate, (index * 7) % 40);
    const handedIn = (status === "SUBMITTED" || status === "DONE") && deadline !== undefined;
    const submittedAt = handedIn
      ? new Date(Math.min(Date.parse(START), dueAt(addDays(deadline, (index % 5) - 2)).getTime())).toISOString()
      : undefined;
    return {
      id: `task-${index}`,
      unit,
      assigningUnit: unit,
      title: `Nhiệm vụ ${index + 1}`,
      coOwners: [],
      milestones: [],
      priority: "NORMAL",
      status: handedIn || (status !== "SUBMITTED" && status !== "DONE") ? status : "IN_PROGRESS",
      progress: handedIn ? 100 : 0,
      extensions: [],
      ...(deadline === undefined ? {} : { deadline }),
      ...(submittedAt === undefined ? {} : { submittedAt }),
      ...(status === "DONE" && deadline !== undefined && submittedAt !== undefined
        ? { completion: completionOf(deadline, submittedAt) }
        : {}),
    };
  });
}

const notInAnyBucket: Task[] = (["DRAFT", "CANCELLED"] as const).map((status) => ({
  id: `idle-${status}`,
  unit: CAU_ONG_LANH,
  assigningUnit: CAU_ONG_LANH,
  title: "Nhiệm vụ chưa giao",
  coOwners: [],
  milestones: [],
  priority: "NORMAL",
  status,
  progress: 0,
  extensions: [],
  deadline: "2026-03-01",
}));

type Summary = Record<string, number>;
type Row = { unit: { code: string }; summary: Summary };

it("reports for every unit exactly what that unit's own task summary shows, with and without a deadline window", async () => {
  const service = await startTasks({ officials: [] });
  const stored: TaskDocument[] = [...variedTasks(), ...notInAnyBucket].map((task) => ({
    _id: task.id,
    ...toStored(task),
    version: 1,
    _outbox: [],
  }));
  await service.store.db("tasks").collection<TaskDocument>(TASKS).insertMany(stored);
  const city = await service.as(people.city);

  const reportOf = async (args: string) =>
    (await city.request<{ taskReport: Row[] }>(`{ taskReport${args} { unit { code } summary { ${SUMMARY_FIELDS} } } }`)).data?.taskReport ??
    [];
  const summariesOf = async (units: string[], window: string) => {
    const representations = units.map((code) => `{ __typename: "Unit", code: "${code}" }`).join(", ");
    const result = await city.request<{ _entities: { taskSummary: Summary }[] }>(
      `{ _entities(representations: [${representations}]) { ... on Unit { taskSummary${window} { ${SUMMARY_FIELDS} } } } }`,
    );
    return (result.data?._entities ?? []).map((entity, index) => ({ unit: { code: units[index] as string }, summary: entity.taskSummary }));
  };

  const everyUnit = await reportOf("");
  expect(everyUnit.map((row) => row.unit.code)).toEqual([SAI_GON, BEN_THANH, TAN_DINH, BA_DIEM].sort());
  expect(everyUnit).toEqual(
    await summariesOf(
      everyUnit.map((row) => row.unit.code),
      "",
    ),
  );
  // The data set is varied enough that every bucket holds tasks somewhere.
  for (const bucket of ["doneOnTime", "doneLate", "inProgressWithinDeadline", "overdueNotDone"])
    expect(everyUnit.some((row) => (row.summary[bucket] ?? 0) > 0)).toBe(true);

  const listed = [BA_DIEM, CAU_ONG_LANH, SAI_GON, "26752", SAI_GON];
  const window = `(from: "2026-03-01", to: "2026-03-20")`;
  const report = await reportOf(`(units: ${JSON.stringify(listed)}, from: "2026-03-01", to: "2026-03-20")`);
  expect(report).toEqual(await summariesOf(listed, window));
  expect(report.find((row) => row.unit.code === SAI_GON)?.summary.total).toBeGreaterThan(0);
});
