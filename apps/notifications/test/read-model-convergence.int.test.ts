import { afterAll, beforeAll, describe, it } from "vitest";
import { officialDeactivated, officialRegistered, officialUpdated } from "@lienthong/contracts/directory";
import { recommendationIssued, supervisionStarted, taskAdded, taskAssigned, taskUpdated } from "@lienthong/contracts/tasks";
import type { Database } from "@lienthong/store/collection";
import { openEmbeddedStore, type EmbeddedStore } from "@lienthong/store/embedded";
import { expectConvergence } from "@lienthong/store/test-support/read-model-convergence";
import { tempDir, type TempDir } from "@lienthong/testing/temp-dir";
import { createOfficialReadModel } from "../src/read-models/official-read-model";
import { createOversightReadModel } from "../src/read-models/oversight-read-model";
import { createTaskReadModel } from "../src/read-models/task-read-model";
import { envelopeOf } from "./support/events";
import { BA_DIEM, SAI_GON } from "./support/notifications-fixture";

let dir: TempDir;
let store: EmbeddedStore;
let databases = 0;

beforeAll(async () => {
  dir = tempDir("notifications-convergence-");
  store = await openEmbeddedStore({ dir: dir.path, fsync: "never" });
});

afterAll(async () => {
  await store.close();
  await dir.remove();
});

const freshDb = (): Database => store.db(`convergence_${++databases}`);

const by = { name: "Nguyễn Thị Lan", authority: `unit_admin of ${SAI_GON}` };
const inspector = { name: "Hoàng Văn An", authority: "inspector" };

describe("read models converge whatever the order, duplicates and late arrivals of their events", () => {
  it("officials: registered, renamed without e-mail, moved, then deactivated ends deactivated under the new name", async () => {
    const events = [
      envelopeOf(officialRegistered, "o-an", 1, {
        officialId: "o-an",
        fullName: "Nguyễn Văn An",
        position: "Cán bộ",
        unit: SAI_GON,
        roles: ["unit_officer"],
        email: "an@mttq.vn",
      }),
      envelopeOf(officialUpdated, "o-an", 2, { officialId: "o-an", changes: { fullName: "Nguyễn Văn Bình", email: null } }),
      envelopeOf(officialUpdated, "o-an", 3, { officialId: "o-an", changes: { unit: BA_DIEM, roles: ["unit_admin"] } }),
      envelopeOf(officialDeactivated, "o-an", 4, { officialId: "o-an", unit: BA_DIEM, reason: "Nghỉ hưu" }),
    ];
    await expectConvergence({
      events,
      expected: {
        official: { id: "o-an", fullName: "Nguyễn Văn Bình", unit: BA_DIEM, roles: ["unit_admin"], active: false },
        activeInSaiGon: [],
        activeInBaDiem: [],
        activeAdmins: [],
      },
      async fresh() {
        const officials = createOfficialReadModel(freshDb());
        return {
          apply: (event) => officials.apply(event),
          view: async () => ({
            official: await officials.byId("o-an"),
            activeInSaiGon: (await officials.activeOf(SAI_GON)).map((official) => official.id),
            activeInBaDiem: (await officials.activeOf(BA_DIEM)).map((official) => official.id),
            activeAdmins: (await officials.activeWithRole("unit_admin")).map((official) => official.id),
          }),
        };
      },
    });
  });

  it("tasks: added, renamed, reassigned and its lead owner cleared ends with the newest title, owners and no lead owner", async () => {
    const ref = { taskId: "task-1", unit: SAI_GON };
    const events = [
      envelopeOf(taskAdded, "task-1", 1, {
        ...ref,
        assigningUnit: "*",
        title: "Khắc phục sau kiểm tra",
        leadOwner: "o-an",
        coOwners: [],
        milestones: [],
        priority: "NORMAL",
        by,
      }),
      envelopeOf(taskUpdated, "task-1", 2, { ...ref, changes: { title: "Khắc phục sau kiểm tra (bổ sung)" }, by }),
      envelopeOf(taskAssigned, "task-1", 3, { ...ref, leadOwner: "o-binh", coOwners: ["o-an"], deadline: "2026-04-15", by }),
      envelopeOf(taskUpdated, "task-1", 4, { ...ref, changes: {}, cleared: ["leadOwner"], by }),
    ];
    await expectConvergence({
      events,
      expected: { id: "task-1", title: "Khắc phục sau kiểm tra (bổ sung)", unit: SAI_GON, assigningUnit: "*", coOwners: ["o-an"] },
      async fresh() {
        const tasks = createTaskReadModel(freshDb());
        return { apply: (event) => tasks.apply(event), view: () => tasks.byId("task-1") };
      },
    });
  });

  it("oversight: a recommendation and its supervision, in any order, give the recommendation with the subject", async () => {
    const events = [
      envelopeOf(supervisionStarted, "sv-1", 1, {
        supervisionId: "sv-1",
        subject: "Giám sát việc giải quyết khiếu nại",
        supervisedBody: SAI_GON,
        form: "SUPERVISION_TEAM",
        periodFrom: "2026-03-01",
        periodTo: "2026-03-31",
        by: inspector,
      }),
      envelopeOf(recommendationIssued, "rec-1", 1, {
        recommendationId: "rec-1",
        supervisionId: "sv-1",
        supervisedBody: SAI_GON,
        content: "Công khai kết quả giải quyết",
        answerDueDate: "2026-04-30",
        issuedAt: "2026-03-31T09:00:00+07:00",
        by: inspector,
      }),
    ];
    await expectConvergence({
      events,
      expected: {
        id: "rec-1",
        supervisionId: "sv-1",
        supervisedBody: SAI_GON,
        content: "Công khai kết quả giải quyết",
        answerDueDate: "2026-04-30",
        supervisionSubject: "Giám sát việc giải quyết khiếu nại",
      },
      async fresh() {
        const oversight = createOversightReadModel(freshDb());
        return { apply: (event) => oversight.apply(event), view: () => oversight.recommendation("rec-1") };
      },
    });
  });
});
