import type { Principal } from "@lienthong/auth/principal";
import { daysAfter, vnDate } from "@lienthong/calendar/working-days";
import type { TasksApp } from "./app";
import type { Caller } from "./tasks/task-commands";
import type { TaskDetails } from "./tasks/task-types";

export interface SeedOfficial {
  id: string;
  name: string;
  unit: string;
}

export interface SeedOptions {
  /** 5-digit codes of the demo wards; each gets one programme. */
  wards: string[];
  /** Demo officials, registered in directory; per ward the first one (required) is the lead owner of every task, the second (if any) is the admin who confirms. */
  officials: SeedOfficial[];
  /** "Today" for the demo (the platform's clock): deadlines are placed around it so that some tasks are overdue. */
  now: Date;
  /** How long to wait for directory's events about the lead owners, who were usually registered a moment ago; default 60 s (generous: a loaded machine may take a while, and a quick one does not wait). */
  officialsTimeoutMs?: number;
}

export interface SeedOutcome {
  programmes: number;
  tasks: number;
}

const DAY_MS = 86_400_000;

type Stage = "DRAFT" | "ASSIGNED" | "IN_PROGRESS" | "SUBMITTED" | "DONE_ON_TIME" | "DONE_LATE" | "OVERDUE" | "CANCELLED";

const PLAN: { title: string; deliverable: string; expectedResult: string; dueInDays: number; stage: Stage }[] = [
  {
    title: "Hội nghị quán triệt Nghị quyết Đại hội MTTQ phường",
    deliverable: "Biên bản hội nghị",
    expectedResult: "100% Ban Công tác Mặt trận được quán triệt",
    dueInDays: 7,
    stage: "DONE_ON_TIME",
  },
  {
    title: "Tuyên truyền bầu cử tại các khu phố",
    deliverable: "Kế hoạch và ảnh hoạt động",
    expectedResult: "Mỗi khu phố có ít nhất 2 pano, 1 buổi loa",
    dueInDays: -10,
    stage: "DONE_LATE",
  },
  {
    title: "Rà soát hộ nghèo, cận nghèo năm 2026",
    deliverable: "Danh sách rà soát có xác nhận",
    expectedResult: "100% hộ được rà soát",
    dueInDays: -3,
    stage: "OVERDUE",
  },
  {
    title: "Vận động Quỹ Vì người nghèo",
    deliverable: "Báo cáo kết quả vận động",
    expectedResult: "Đạt 120% chỉ tiêu năm trước",
    dueInDays: 12,
    stage: "IN_PROGRESS",
  },
  {
    title: "Tổng hợp ý kiến cử tri gửi HĐND phường",
    deliverable: "Báo cáo tổng hợp",
    expectedResult: "Mọi ý kiến được phân loại và chuyển cơ quan có thẩm quyền",
    dueInDays: 5,
    stage: "SUBMITTED",
  },
  {
    title: "Xây dựng mô hình khu phố văn minh",
    deliverable: "Đề án mô hình",
    expectedResult: "1 khu phố điểm được công nhận",
    dueInDays: 30,
    stage: "ASSIGNED",
  },
  {
    title: "Kiểm tra hoạt động Ban Thanh tra nhân dân",
    deliverable: "Biên bản kiểm tra",
    expectedResult: "Kiến nghị khắc phục được ghi nhận",
    dueInDays: 20,
    stage: "DRAFT",
  },
  {
    title: "Hội thi tuyên truyền viên giỏi",
    deliverable: "Kế hoạch hội thi",
    expectedResult: "Tổ chức 1 hội thi cấp phường",
    dueInDays: 15,
    stage: "CANCELLED",
  },
];

/**
 * Demo data: one action programme per ward (carrying out the ward congress resolution) with a task in every state,
 * overdue ones included. Commands go through the normal write path as the ward's officials, so events, history and
 * reports look exactly as they would in use. Not idempotent: call it once on an empty store.
 */
export async function seedTasks(app: TasksApp, options: SeedOptions): Promise<SeedOutcome> {
  const today = vnDate(options.now);
  const leads = options.wards.map((ward) => {
    const lead = options.officials.find((official) => official.unit === ward);
    if (lead === undefined) throw new Error(`seeding tasks needs at least one official of ward ${ward} to lead its tasks`);
    return lead;
  });
  // Lead owners must be officials the tasks service knows, and directory's events about them may still be on the way.
  await app.officials.waitFor([...new Set(leads.map((lead) => lead.id))], options.officialsTimeoutMs ?? 60_000);
  let tasks = 0;
  for (const [index, ward] of options.wards.entries()) {
    const staff = options.officials.filter((official) => official.unit === ward);
    const lead = leads[index] as SeedOfficial;
    const admin = staff[1] ?? { id: `demo-admin-${ward}`, name: "Chủ tịch UB MTTQ phường", unit: ward };
    const as = (who: SeedOfficial, role: Principal["roles"][number]): Caller => ({
      principal: { sub: who.id, name: who.name, roles: [role], units: [ward] },
      correlationId: `seed-${ward}`,
    });
    const adminCaller = as(admin, "unit_admin");
    const leadCaller = as(lead, "unit_officer");

    const programme = must(
      await app.programmeCommands.create(
        ward,
        {
          title: "Chương trình hành động thực hiện Nghị quyết Đại hội đại biểu MTTQ Việt Nam phường nhiệm kỳ 2025–2030",
          term: "2025–2030",
          periodFrom: "2025-11-01",
          periodTo: "2030-10-31",
          sourceDocument: {
            number: "01-NQ/ĐH",
            date: "2025-09-25",
            issuer: "Đại hội đại biểu MTTQ Việt Nam phường",
            summary: "Nghị quyết Đại hội nhiệm kỳ 2025–2030",
          },
          targets: [
            { indicator: "Hộ gia đình đạt danh hiệu Gia đình văn hóa", baseline: 92, targetValue: 97, unitOfMeasure: "%", period: "2030" },
            { indicator: "Khu phố đạt chuẩn văn minh đô thị", targetValue: 100, unitOfMeasure: "%", period: "2030" },
          ],
        },
        adminCaller,
      ),
    );

    for (const step of PLAN) {
      const details: TaskDetails = {
        title: step.title,
        description: `${step.title} theo Chương trình hành động nhiệm kỳ 2025–2030.`,
        leadOwner: lead.id,
        coOwners: [],
        deliverable: step.deliverable,
        expectedResult: step.expectedResult,
        deadline: daysAfter(today, step.dueInDays),
        milestones: [],
        priority: "NORMAL",
      };
      // A task already past its deadline was added and assigned two weeks before that deadline, as an office would have.
      const planner =
        step.dueInDays < 0 ? { ...adminCaller, at: new Date(options.now.getTime() + (step.dueInDays - 14) * DAY_MS) } : adminCaller;
      const task = must(await app.taskCommands.add({ unit: ward, programmeId: programme.id, details }, planner));
      tasks += 1;
      const run = async (caller: Caller, command: Parameters<TasksApp["taskCommands"]["run"]>[0]) =>
        must(await app.taskCommands.run(command, caller));
      if (step.stage === "DRAFT") continue;
      if (step.stage === "CANCELLED") {
        await run(adminCaller, { type: "CancelTask", taskId: task.id, reason: "Lồng ghép vào hoạt động kỷ niệm Ngày hội Đại đoàn kết" });
        continue;
      }
      await run(planner, { type: "AssignTask", taskId: task.id });
      if (step.stage === "ASSIGNED") continue;
      await run(leadCaller, { type: "AcceptTask", taskId: task.id });
      await run(leadCaller, {
        type: "ReportTaskProgress",
        taskId: task.id,
        percent: 50,
        note: "Đã triển khai đến các khu phố",
        evidence: [],
      });
      if (step.stage === "IN_PROGRESS" || step.stage === "OVERDUE") continue;
      await run(leadCaller, { type: "SubmitTask", taskId: task.id, note: "Đã hoàn thành, gửi kèm sản phẩm" });
      if (step.stage === "SUBMITTED") continue;
      await run(adminCaller, { type: "ConfirmTask", taskId: task.id });
    }
  }
  await app.schedule.runOnce();
  return { programmes: options.wards.length, tasks };
}

function must<Value>(result: { ok: true; value: Value } | { ok: false; error: { message: string } }): Value {
  if (!result.ok) throw new Error(`seeding tasks failed: ${result.error.message}`);
  return result.value;
}
