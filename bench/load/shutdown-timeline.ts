import type { RequestRecord } from './connection-tracker';
import { countRequests, TrafficCounts } from './traffic-counts';

export interface ShutdownTimeline {
  /** Settled before the signal. */
  before: TrafficCounts;
  /** Sent before the signal and still waiting for their answer when it came: the app had accepted them. */
  inFlight: TrafficCounts;
  /** Sent after the signal: the app may refuse or close these. */
  after: TrafficCounts;
}

/** Splits the requests of the SIGTERM scenario around the moment the signal was sent (traffic clock, ms). */
export function shutdownTimeline(records: readonly RequestRecord[], signalAt: number): ShutdownTimeline {
  const before: RequestRecord[] = [];
  const inFlight: RequestRecord[] = [];
  const after: RequestRecord[] = [];
  for (const record of records) {
    if (record.sentAt >= signalAt) after.push(record);
    else if (record.doneAt !== undefined && record.doneAt < signalAt) before.push(record);
    else inFlight.push(record);
  }
  return { before: countRequests(before), inFlight: countRequests(inFlight), after: countRequests(after) };
}
