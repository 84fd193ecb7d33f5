import type { RequestFate, RequestRecord } from './connection-tracker';
import { outageTimeline } from './outage-timeline';
import { shutdownTimeline } from './shutdown-timeline';
import { countRequests, formatStatuses, formatUnanswered, unexpectedStatuses } from './traffic-counts';

const answered = (status: number, retryAfter = false): RequestFate => ({ kind: 'answered', status, retryAfter });
const request = (sentAt: number, doneAt: number | undefined, fate?: RequestFate): RequestRecord => ({
  kind: 'list',
  target: 'a',
  sentAt,
  ...(doneAt === undefined ? {} : { doneAt }),
  ...(fate ? { fate } : {}),
});

describe('countRequests', () => {
  it('counts answers by status, 503s by Retry-After, and unanswered requests by reason', () => {
    const counts = countRequests([
      request(0, 1, answered(200)),
      request(0, 1, answered(303)),
      request(0, 1, answered(503, true)),
      request(0, 1, answered(503)),
      request(0, 1, answered(500)),
      request(0, 1, { kind: 'refused' }),
      request(0, 1, { kind: 'dropped', reason: 'ECONNRESET' }),
      request(0, undefined),
    ]);
    expect(counts).toMatchObject({ total: 8, answered: 5, succeeded: 2, refused: 1, dropped: 1, cutOff: 1 });
    expect(counts.unavailable).toEqual({ withRetryAfter: 1, withoutRetryAfter: 1 });
    expect(formatStatuses(counts)).toBe('200: 1 · 303: 1 · 500: 1 · 503: 2');
    expect(formatUnanswered(counts)).toBe('dropped 1 · refused 1');
    expect(formatUnanswered(counts, { includeCutOff: true })).toBe('dropped 1 · refused 1 · cut off at the end 1');
    expect(unexpectedStatuses(counts)).toBe(3);
    expect(unexpectedStatuses(counts, [503])).toBe(1);
  });

  it('says none and 0 for an empty run', () => {
    const counts = countRequests([]);
    expect(formatStatuses(counts)).toBe('none');
    expect(formatUnanswered(counts)).toBe('0');
  });
});

describe('outageTimeline', () => {
  const marks = { stopAt: 1000, startedAt: 7000 };

  it('dates the recovery by the first success of a request sent after the restart, not by the last error', () => {
    const timeline = outageTimeline(
      [
        request(900, 950, answered(200)), // before
        request(990, 1010, answered(200)), // finished during the stop
        request(1100, 1105, answered(503, true)),
        request(6900, 7050, answered(503, true)), // sent while down, answered after the restart
        request(7010, 7200, answered(303)), // the recovery
        request(7300, 7400, answered(500)), // after the recovery: must show up there
      ],
      marks,
    );
    expect(timeline.recoveredAt).toBe(7200);
    expect(timeline.errorWindow).toEqual({ from: 1105, to: 7400 });
    expect(timeline.before.total).toBe(1);
    expect(formatStatuses(timeline.during)).toBe('200: 1 · 303: 1 · 503: 2');
    expect(formatStatuses(timeline.after)).toBe('500: 1');
  });

  it('leaves the recovery undefined when the app never served again, and keeps everything after the stop in during', () => {
    const timeline = outageTimeline([request(900, 950, answered(200)), request(8000, 8001, answered(503))], marks);
    expect(timeline.recoveredAt).toBeUndefined();
    expect(timeline.during.total).toBe(1);
    expect(timeline.after.total).toBe(0);
  });
});

describe('shutdownTimeline', () => {
  it('puts requests outstanding at the signal in flight, whatever became of them', () => {
    const timeline = shutdownTimeline(
      [
        request(100, 200, answered(200)),
        request(900, 1100, answered(303)),
        request(950, 1200, { kind: 'dropped', reason: 'ECONNRESET' }),
        request(990, undefined),
        request(1000, 1001, { kind: 'refused' }),
      ],
      1000,
    );
    expect(timeline.before.total).toBe(1);
    expect(timeline.inFlight).toMatchObject({ total: 3, succeeded: 1, dropped: 1, cutOff: 1 });
    expect(timeline.after).toMatchObject({ total: 1, refused: 1 });
  });
});
