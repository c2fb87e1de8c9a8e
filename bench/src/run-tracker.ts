import type { RunReport } from "./run-report";

export interface Probe {
  run: string;
  seq: number;
  total: number;
  sentAtMicros: number;
}

interface RunState {
  total: number;
  seen: Uint8Array;
  distinct: number;
  duplicates: number;
  latenciesMs: number[];
  firstReceivedAt: number;
  lastReceivedAt: number;
  reported: boolean;
}

/** Collects receipts per run and hands over a report once every event of a run has arrived. */
export class RunTracker {
  private readonly runs = new Map<string, RunState>();

  constructor(private readonly onComplete: (report: RunReport) => void) {}

  record(probe: Probe, receivedAt: number): void {
    const state = this.stateOf(probe);
    if (probe.seq >= state.total) throw new Error(`probe.seq: ${probe.seq} is not below the run's total ${state.total}`);
    if (state.seen[probe.seq] === 1) {
      state.duplicates++;
      return;
    }
    state.seen[probe.seq] = 1;
    state.distinct++;
    state.latenciesMs.push(receivedAt - probe.sentAtMicros / 1000);
    state.firstReceivedAt = Math.min(state.firstReceivedAt, receivedAt);
    state.lastReceivedAt = Math.max(state.lastReceivedAt, receivedAt);
    if (state.distinct === state.total && !state.reported) {
      state.reported = true;
      this.onComplete({
        run: probe.run,
        received: state.distinct,
        duplicates: state.duplicates,
        firstReceivedAt: state.firstReceivedAt,
        lastReceivedAt: state.lastReceivedAt,
        latenciesMs: state.latenciesMs,
      });
    }
  }

  private stateOf(probe: Probe): RunState {
    let state = this.runs.get(probe.run);
    if (!state) {
      state = {
        total: probe.total,
        seen: new Uint8Array(probe.total),
        distinct: 0,
        duplicates: 0,
        latenciesMs: [],
        firstReceivedAt: Number.POSITIVE_INFINITY,
        lastReceivedAt: Number.NEGATIVE_INFINITY,
        reported: false,
      };
      this.runs.set(probe.run, state);
    }
    return state;
  }
}
