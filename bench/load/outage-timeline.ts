import type { RequestRecord } from './connection-tracker';
import { countRequests, isSuccess, TrafficCounts } from './traffic-counts';

/** When the script stopped and restarted PostgreSQL, in the traffic's clock (ms). */
export interface OutageMarks {
  /** `pg_ctl stop -m fast` was started. */
  stopAt: number;
  /** PostgreSQL accepts connections again (`pg_ctl start -w` returned). */
  startedAt: number;
}

export interface OutageTimeline {
  /** Requests settled before the stop began: only 2xx/3xx expected. */
  before: TrafficCounts;
  /** Everything else sent before the recovery: 2xx/3xx or 503 expected. */
  during: TrafficCounts;
  /** Requests sent once the app had recovered: only 2xx/3xx expected. */
  after: TrafficCounts;
  /**
   * The app's first successful answer to a request sent after PostgreSQL was
   * back: from here on it should serve normally. Undefined if it never did.
   */
  recoveredAt?: number;
  /** First and last answer that was not 2xx/3xx, if any. */
  errorWindow?: { from: number; to: number };
}

/**
 * Splits the requests of the outage scenario into before, during and after.
 * Recovery is defined by the first success after the restart, not by the
 * last error, so "only 2xx/3xx after recovery" is a real check.
 */
export function outageTimeline(records: readonly RequestRecord[], marks: OutageMarks): OutageTimeline {
  let recoveredAt: number | undefined;
  let errorWindow: { from: number; to: number } | undefined;
  for (const record of records) {
    const fate = record.fate;
    if (fate?.kind !== 'answered' || record.doneAt === undefined) continue;
    if (isSuccess(fate.status)) {
      if (record.sentAt >= marks.startedAt && (recoveredAt === undefined || record.doneAt < recoveredAt)) recoveredAt = record.doneAt;
    } else {
      errorWindow = {
        from: Math.min(errorWindow?.from ?? Infinity, record.doneAt),
        to: Math.max(errorWindow?.to ?? -Infinity, record.doneAt),
      };
    }
  }
  const before: RequestRecord[] = [];
  const during: RequestRecord[] = [];
  const after: RequestRecord[] = [];
  for (const record of records) {
    if (record.doneAt !== undefined && record.doneAt < marks.stopAt) before.push(record);
    else if (recoveredAt !== undefined && record.sentAt >= recoveredAt) after.push(record);
    else during.push(record);
  }
  return { before: countRequests(before), during: countRequests(during), after: countRequests(after), recoveredAt, errorWindow };
}
