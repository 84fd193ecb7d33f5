import type { RequestFate, RequestRecord } from './connection-tracker';

/** What a set of requests came to: answers by status, and every way of getting none. */
export interface TrafficCounts {
  total: number;
  answered: number;
  byStatus: Map<number, number>;
  /** Answered 2xx or 3xx. */
  succeeded: number;
  /** Answered 503 with a Retry-After header / without one. */
  unavailable: { withRetryAfter: number; withoutRetryAfter: number };
  refused: number;
  notAccepted: number;
  dropped: number;
  timedOut: number;
  cutOff: number;
}

const UNANSWERED = {
  refused: 'refused',
  'not-accepted': 'notAccepted',
  dropped: 'dropped',
  'timed-out': 'timedOut',
  'cut-off': 'cutOff',
} as const satisfies Record<Exclude<RequestFate['kind'], 'answered'>, keyof TrafficCounts>;

export const isSuccess = (status: number) => status >= 200 && status < 400;

export function countRequests(records: Iterable<RequestRecord>): TrafficCounts {
  const counts: TrafficCounts = {
    total: 0,
    answered: 0,
    byStatus: new Map(),
    succeeded: 0,
    unavailable: { withRetryAfter: 0, withoutRetryAfter: 0 },
    refused: 0,
    notAccepted: 0,
    dropped: 0,
    timedOut: 0,
    cutOff: 0,
  };
  for (const { fate } of records) {
    counts.total++;
    if (fate?.kind === 'answered') {
      counts.answered++;
      counts.byStatus.set(fate.status, (counts.byStatus.get(fate.status) ?? 0) + 1);
      if (isSuccess(fate.status)) counts.succeeded++;
      if (fate.status === 503) counts.unavailable[fate.retryAfter ? 'withRetryAfter' : 'withoutRetryAfter']++;
    } else {
      counts[UNANSWERED[fate?.kind ?? 'cut-off']]++;
    }
  }
  return counts;
}

/** Answered with a status outside `allowed` (besides 2xx/3xx, which are always allowed). */
export function unexpectedStatuses(counts: TrafficCounts, allowed: number[] = []): number {
  let count = 0;
  for (const [status, n] of counts.byStatus) if (!isSuccess(status) && !allowed.includes(status)) count += n;
  return count;
}

const number = (value: number) => value.toLocaleString('en-US');

/** `200: 5,012 · 303: 5,000 · 503: 12`, or `none`. */
export function formatStatuses(counts: TrafficCounts): string {
  const entries = [...counts.byStatus].sort(([a], [b]) => a - b);
  return entries.length === 0 ? 'none' : entries.map(([status, n]) => `${status}: ${number(n)}`).join(' · ');
}

/** Requests without an answer, by reason: `dropped 2 · refused 300`, or `0`. */
export function formatUnanswered(counts: TrafficCounts, { includeCutOff = false } = {}): string {
  const parts: [string, number][] = [
    ['dropped', counts.dropped],
    ['timed out', counts.timedOut],
    ['refused', counts.refused],
    ['not accepted', counts.notAccepted],
    ...(includeCutOff ? ([['cut off at the end', counts.cutOff]] as [string, number][]) : []),
  ];
  const present = parts.filter(([, n]) => n > 0);
  return present.length === 0 ? '0' : present.map(([label, n]) => `${label} ${number(n)}`).join(' · ');
}
