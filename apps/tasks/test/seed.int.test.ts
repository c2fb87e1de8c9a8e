import { expect, it } from "vitest";
import { BA_DIEM, SAI_GON, START, people, startTasks } from "./support/tasks-fixture";
import { seedTasks } from "../src/seed";

const seedOfficials = [
  { id: "o-lan", name: "Nguyễn Thị Lan", unit: SAI_GON },
  { id: "sg-admin", name: "Lê Thị Hoa", unit: SAI_GON },
  { id: "bd-officer", name: "Đỗ Thu Hà", unit: BA_DIEM },
];

it("seeds one programme per ward with tasks in every bucket, overdue ones flagged", async () => {
  const service = await startTasks();
  const outcome = await seedTasks(service.app, { wards: [SAI_GON, BA_DIEM], officials: seedOfficials, now: new Date(START) });
  expect(outcome).toEqual({ programmes: 2, tasks: 16 });
  const city = await service.as(people.city);
  const { data } = await city.request(
    `{ programmes { totalCount edges { node { summary { doneOnTime doneLate inProgressWithinDeadline overdueNotDone } } } } }`,
  );
  const summary = { doneOnTime: 1, doneLate: 1, inProgressWithinDeadline: 3, overdueNotDone: 1 };
  expect(data).toEqual({ programmes: { totalCount: 2, edges: [{ node: { summary } }, { node: { summary } }] } });
  const statuses = await city.request<{ tasks: { edges: { node: { status: string } }[] } }>(
    `{ tasks(unit: "${SAI_GON}") { edges { node { status } } } }`,
  );
  expect(new Set(statuses.data?.tasks.edges.map((edge) => edge.node.status))).toEqual(
    new Set(["DRAFT", "ASSIGNED", "IN_PROGRESS", "SUBMITTED", "DONE", "CANCELLED"]),
  );
});

it("waits for directory's events about the lead owners, and says which officials never arrived", async () => {
  const service = await startTasks({ officials: [] });
  const refused = seedTasks(service.app, { wards: [SAI_GON], officials: seedOfficials, now: new Date(START), officialsTimeoutMs: 200 });
  await expect(refused).rejects.toThrow("officials not known to the tasks service after 200 ms: o-lan");
  const city = await service.as(people.city);
  expect((await city.request(`{ programmes { totalCount } }`)).data).toEqual({ programmes: { totalCount: 0 } });
});
