import type { ServiceApp, ServiceDeps as SharedServiceDeps } from "@lienthong/subgraph/run-service";
import { buildApp as buildDirectory } from "@lienthong/directory/app";
import { buildApp as buildNotifications } from "@lienthong/notifications/app";
import { buildApp as buildTasks } from "@lienthong/tasks/app";
import { seedTasks } from "@lienthong/tasks/seed";
import type { PlatformConfig } from "./config";
import type { SeededOfficial } from "./seed";

/** What the platform hands each service: the same composition-root deps as runService, the settings read once by the platform. */
export type ServiceDeps = SharedServiceDeps<PlatformConfig>;
export type RunningService = ServiceApp;

/** What a service's demo seed may use: the demo wards and officials, and the platform's "now". */
export interface DemoContext {
  wards: string[];
  officials: SeededOfficial[];
  now: Date;
}

export interface ServiceEntry {
  name: string;
  build: (deps: ServiceDeps) => Promise<RunningService>;
  /** Seeds demo data once, on the platform's first start. */
  seed?: (service: RunningService, demo: DemoContext) => Promise<unknown>;
}

/** Keeps the concrete app type between `build` and `seed`. */
function service<App extends RunningService>(
  name: string,
  build: (deps: ServiceDeps) => Promise<App>,
  seed?: (app: App, demo: DemoContext) => Promise<unknown>,
): ServiceEntry {
  return { name, build, ...(seed ? { seed: (app: RunningService, demo: DemoContext) => seed(app as App, demo) } : {}) };
}

// Officers lead the demo tasks; the ward admin (Chủ tịch) confirms them.
const tasksDemo = (officials: SeededOfficial[]) =>
  [...officials]
    .sort((a, b) => Number(a.roles.includes("unit_admin")) - Number(b.roles.includes("unit_admin")))
    .map((official) => ({ id: official.principal.sub, name: official.fullName, unit: official.unit }));

/** Every service of the platform, in start order. A new service adds one line here. */
export const SERVICES: ServiceEntry[] = [
  service("directory", buildDirectory),
  service(
    "tasks",
    (deps) => buildTasks({ ...deps, checklist: deps.config.TASK_CHECKLIST, reminderOffsets: deps.config.TASK_REMINDER_DAYS }),
    (app, demo) => seedTasks(app, { wards: demo.wards, officials: tasksDemo(demo.officials), now: demo.now }),
  ),
  service("notifications", (deps) => buildNotifications({ ...deps, ...(deps.config.SMTP_URL ? { smtpUrl: deps.config.SMTP_URL } : {}) })),
];
