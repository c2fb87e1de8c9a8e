import type { LoadResult } from "./load";

/** One row of the tasks table. */
export interface TasksMeasurement {
  operation: string;
  /** What the operation works on: the tasks it spreads over, or how many the store holds. */
  tasks: string;
  inFlight: number;
  load: LoadResult;
  /** What came back: CONFLICT answers for commands, the counted tasks for reports. */
  outcome: string;
}
