/** What happened to one use case: when it arrived and ended, and where its time went. */
export type Outcome = 'live' | 'abandoned' | 'in_progress';

export interface ItemRecord {
  id: number;
  domain: string;
  type: string;
  arrival: number;
  /** Go-live or abandonment time; NaN while in progress. */
  end: number;
  outcome: Outcome;
  /** Arrival to go-live, in calendar days; NaN unless live. */
  timeToProduction: number;
  // Where the time went (calendar days). For an item that has ended they sum to end - arrival.
  /** Activity time on a first pass. */
  work: number;
  /** Activity time on repeated passes: loop-backs, rejected gates, rework after a handover. */
  rework: number;
  /** Waiting for a free person, all roles. */
  waiting: number;
  /** Waiting for a free person, per role. */
  waitingByRole: Record<string, number>;
  /** Handover delays. */
  handover: number;
  /** Clarification rounds with the domain's subject-matter experts (their queue and work). */
  clarification: number;
  /** Waiting for a gate to meet. */
  gate: number;
  /** Waiting for the next planning cycle at intake. */
  planning: number;
  // Counts
  handovers: number;
  /** Handovers between a domain and the centre, or between two domains. */
  crossBoundaryHandovers: number;
  /** Loop-backs taken (iterations). */
  iterations: number;
  /** Rework passes (repeated activities for any reason). */
  reworkPasses: number;
  gateRejections: number;
  activities: number;
}

export function newItemRecord(id: number, domain: string, type: string, arrival: number): ItemRecord {
  return {
    id,
    domain,
    type,
    arrival,
    end: NaN,
    outcome: 'in_progress',
    timeToProduction: NaN,
    work: 0,
    rework: 0,
    waiting: 0,
    waitingByRole: {},
    handover: 0,
    clarification: 0,
    gate: 0,
    planning: 0,
    handovers: 0,
    crossBoundaryHandovers: 0,
    iterations: 0,
    reworkPasses: 0,
    gateRejections: 0,
    activities: 0,
  };
}
