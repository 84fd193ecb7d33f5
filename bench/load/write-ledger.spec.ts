import type { RequestFate, RequestRecord } from './connection-tracker';
import { describeLedgerProblems, reconcileWrites, unknownTotals } from './write-ledger';

const post = (title: string, fate: RequestFate): RequestRecord => ({ kind: 'post', title, target: 'a', sentAt: 0, fate });
const answered = (status: number): RequestFate => ({ kind: 'answered', status, retryAfter: false });

describe('reconcileWrites', () => {
  it('is consistent when every acknowledged post is stored once and nothing else is', () => {
    const report = reconcileWrites(
      [post('t-1', answered(303)), post('t-2', answered(303)), post('t-3', answered(503)), { kind: 'list', target: 'a', sentAt: 0 }],
      new Map([
        ['t-1', 1],
        ['t-2', 1],
      ]),
    );
    expect(report).toMatchObject({ ok: true, acknowledged: 2, rejected: 1, stored: 2, lost: [], duplicated: [] });
    expect(describeLedgerProblems(report)).toEqual([]);
  });

  it('reports an acknowledged post that was not stored as lost', () => {
    const report = reconcileWrites([post('t-1', answered(303))], new Map());
    expect(report.ok).toBe(false);
    expect(report.lost).toEqual(['t-1']);
    expect(describeLedgerProblems(report)).toEqual(['1 acknowledged post(s) not stored: t-1']);
  });

  it('reports a post stored twice as duplicated', () => {
    const report = reconcileWrites([post('t-1', answered(303))], new Map([['t-1', 2]]));
    expect(report.ok).toBe(false);
    expect(report.duplicated).toEqual(['t-1']);
    expect(report.stored).toBe(2);
  });

  it('reports a post stored although the app answered an error, or although it never reached the app', () => {
    const report = reconcileWrites(
      [post('t-1', answered(500)), post('t-2', { kind: 'refused' }), post('t-3', { kind: 'not-accepted' })],
      new Map([
        ['t-1', 1],
        ['t-3', 1],
      ]),
    );
    expect(report.ok).toBe(false);
    expect(report.storedDespiteError).toEqual(['t-1', 't-3']);
    expect(report).toMatchObject({ rejected: 1, notDelivered: 2 });
  });

  it('reports a stored title with the run prefix that the run never sent', () => {
    const report = reconcileWrites([], new Map([['t-9', 1]]));
    expect(report.ok).toBe(false);
    expect(report.unexpected).toEqual(['t-9']);
  });

  it('allows a post without a known answer to be stored or not, and counts both', () => {
    const report = reconcileWrites(
      [
        post('t-1', { kind: 'cut-off' }),
        post('t-2', { kind: 'cut-off' }),
        post('t-3', { kind: 'dropped', reason: 'ECONNRESET' }),
        post('t-4', { kind: 'timed-out' }),
      ],
      new Map([
        ['t-1', 1],
        ['t-4', 1],
      ]),
    );
    expect(report.ok).toBe(true);
    expect(report.unknown).toEqual({
      'cut-off': { sent: 2, stored: 1 },
      dropped: { sent: 1, stored: 0 },
      'timed-out': { sent: 1, stored: 1 },
    });
    expect(unknownTotals(report)).toEqual({ sent: 4, stored: 2 });
  });

  it('still refuses a post without a known answer stored twice', () => {
    const report = reconcileWrites([post('t-1', { kind: 'cut-off' })], new Map([['t-1', 2]]));
    expect(report.ok).toBe(false);
    expect(report.duplicated).toEqual(['t-1']);
  });
});
