import type { GraphQLSchema } from "graphql";
import type { Clock } from "@lienthong/calendar/clock";
import type { Database } from "@lienthong/store/collection";
import { toSubgraphSchema } from "@lienthong/subgraph/builder";
import type { InspectionCommands } from "../inspections/inspection-commands";
import type { InspectionQueries } from "../inspections/inspection-store";
import type { ProgrammeCommands } from "../programmes/programme-commands";
import type { ProgrammeQueries } from "../programmes/programme-store";
import type { RecommendationQueries } from "../supervision/recommendation-store";
import type { SupervisionCommands } from "../supervision/supervision-commands";
import type { SupervisionQueries } from "../supervision/supervision-store";
import type { ChecklistItem } from "../tasks/checklist";
import type { TaskCommands } from "../tasks/task-commands";
import type { TaskQueries } from "../tasks/task-store";
import { createTasksBuilder } from "./builder";
import { addInspectionSchema } from "./inspection";
import { addProgrammeSchema } from "./programme";
import { addRecommendationReportSchema } from "./recommendation-report";
import { addExternalRefs } from "./refs";
import { addReportSchema } from "./report";
import { addSupervisionSchema } from "./supervision";
import { addSupervisionMutations } from "./supervision-mutations";
import { addTaskSchema } from "./task";
import { addTaskMutations } from "./task-mutations";

export interface TasksSchemaDeps {
  db: Database;
  clock: Clock;
  tasks: TaskQueries;
  programmes: ProgrammeQueries;
  taskCommands: TaskCommands;
  programmeCommands: ProgrammeCommands;
  checklist: readonly ChecklistItem[];
  inspections: InspectionQueries;
  inspectionCommands: InspectionCommands;
  supervisions: SupervisionQueries;
  recommendations: RecommendationQueries;
  supervisionCommands: SupervisionCommands;
}

export function buildTasksSchema(deps: TasksSchemaDeps): GraphQLSchema {
  const builder = createTasksBuilder();
  builder.queryType({});
  builder.mutationType({});
  const refs = addExternalRefs(builder);
  const taskTypes = addTaskSchema(builder, refs, deps);
  addTaskMutations(builder, taskTypes, deps.taskCommands);
  addProgrammeSchema(builder, refs, taskTypes, { programmes: deps.programmes, commands: deps.programmeCommands });
  addReportSchema(builder, refs, taskTypes, deps);
  addInspectionSchema(builder, refs, taskTypes, deps);
  addSupervisionMutations(builder, addSupervisionSchema(builder, refs, deps), deps.supervisionCommands);
  addRecommendationReportSchema(builder, refs, deps);
  return toSubgraphSchema(builder);
}
