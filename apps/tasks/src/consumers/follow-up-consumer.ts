import type { Consumer, EventBus } from "@lienthong/bus/event-bus";
import { inspectionFindingsRecorded } from "@lienthong/contracts/tasks";
import type { OpenFollowUps } from "../inspections/follow-up-tasks";
import type { InspectionQueries } from "../inspections/inspection-store";

export const FOLLOW_UP_DURABLE = "tasks.inspection-follow-ups";

/**
 * Finishes the second half of recordInspectionFindings when the process stopped between recording the findings
 * and opening their tasks: the findings event is in the outbox with the findings, so it is relayed after any
 * crash, and opening follow-ups is idempotent, so the usual case (tasks already open) changes nothing.
 */
export function startFollowUpConsumer(deps: {
  bus: EventBus;
  inspections: InspectionQueries;
  openFollowUps: OpenFollowUps;
}): Promise<Consumer> {
  return deps.bus.consume({
    durable: FOLLOW_UP_DURABLE,
    subject: inspectionFindingsRecorded.subject,
    events: [inspectionFindingsRecorded],
    handler: async (envelope) => {
      const data = inspectionFindingsRecorded.schema.parse(envelope.data);
      const inspection = await deps.inspections.byId(data.inspectionId);
      if (inspection === null) throw new Error(`inspection ${data.inspectionId} of event ${envelope.id} is not in the store`);
      const caller = {
        principal: { sub: envelope.actor, name: data.by.name, roles: [], units: [] },
        correlationId: envelope.correlationid,
      };
      const opened = await deps.openFollowUps(inspection, caller);
      if (!opened.ok) throw new Error(`could not open the follow-up tasks of inspection ${inspection.id}: ${opened.error.message}`);
    },
  });
}
