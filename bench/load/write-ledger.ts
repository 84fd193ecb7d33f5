import type { RequestFate, RequestRecord } from './connection-tracker';

/** The app's answer to a saved post: 303 to the list. Anything else means it was not saved. */
export const ACKNOWLEDGED = 303;

/** Outcomes whose effect the client cannot know: the app may or may not have committed the post. */
type UnknownFate = 'dropped' | 'timed-out' | 'cut-off';

export interface LedgerReport {
  /** Posts answered 303. */
  acknowledged: number;
  /** Posts answered with any other status. */
  rejected: number;
  /** Posts that never reached the app: refused connection, or written after the server announced `Connection: close`. */
  notDelivered: number;
  /** Rows with the run's title prefix. */
  stored: number;
  /** Acknowledged, but no row. */
  lost: string[];
  /** More than one row for one title, whatever its answer. */
  duplicated: string[];
  /** Answered with an error (or never delivered), yet stored. */
  storedDespiteError: string[];
  /** A row with the prefix that this run never sent. */
  unexpected: string[];
  /** Posts without a known answer, by fate: how many there were and how many were stored. Either way is allowed. */
  unknown: Record<UnknownFate, { sent: number; stored: number }>;
  ok: boolean;
}

/**
 * Reconciles what the app answered with what it stored: every acknowledged
 * post exactly once, nothing it refused, nothing nobody sent. A post whose
 * answer never arrived may have been committed or not, so it is counted on
 * its own and allowed either way (once at most).
 */
export function reconcileWrites(records: readonly RequestRecord[], storedCounts: ReadonlyMap<string, number>): LedgerReport {
  const report: LedgerReport = {
    acknowledged: 0,
    rejected: 0,
    notDelivered: 0,
    stored: 0,
    lost: [],
    duplicated: [],
    storedDespiteError: [],
    unexpected: [],
    unknown: { dropped: { sent: 0, stored: 0 }, 'timed-out': { sent: 0, stored: 0 }, 'cut-off': { sent: 0, stored: 0 } },
    ok: true,
  };
  const sent = new Set<string>();
  for (const record of records) {
    if (record.kind !== 'post' || record.title === undefined) continue;
    sent.add(record.title);
    const count = storedCounts.get(record.title) ?? 0;
    if (count > 1) report.duplicated.push(record.title);
    const fate: RequestFate = record.fate ?? { kind: 'cut-off' };
    if (fate.kind === 'answered' && fate.status === ACKNOWLEDGED) {
      report.acknowledged++;
      if (count === 0) report.lost.push(record.title);
    } else if (fate.kind === 'answered' || fate.kind === 'refused' || fate.kind === 'not-accepted') {
      if (fate.kind === 'answered') report.rejected++;
      else report.notDelivered++;
      if (count > 0) report.storedDespiteError.push(record.title);
    } else {
      report.unknown[fate.kind].sent++;
      if (count > 0) report.unknown[fate.kind].stored++;
    }
  }
  for (const [title, count] of storedCounts) {
    report.stored += count;
    if (!sent.has(title)) report.unexpected.push(title);
  }
  report.ok = [report.lost, report.duplicated, report.storedDespiteError, report.unexpected].every((list) => list.length === 0);
  return report;
}

/** Posts without a known answer, all fates together. */
export function unknownTotals(report: LedgerReport): { sent: number; stored: number } {
  return Object.values(report.unknown).reduce((sum, entry) => ({ sent: sum.sent + entry.sent, stored: sum.stored + entry.stored }), {
    sent: 0,
    stored: 0,
  });
}

/** One line per problem, naming a few titles, for the check's detail. */
export function describeLedgerProblems(report: LedgerReport): string[] {
  const few = (titles: string[]) => titles.slice(0, 3).join(', ') + (titles.length > 3 ? ', …' : '');
  const lines: string[] = [];
  if (report.lost.length > 0) lines.push(`${report.lost.length} acknowledged post(s) not stored: ${few(report.lost)}`);
  if (report.duplicated.length > 0) lines.push(`${report.duplicated.length} post(s) stored more than once: ${few(report.duplicated)}`);
  if (report.storedDespiteError.length > 0)
    lines.push(`${report.storedDespiteError.length} post(s) stored although the answer was an error: ${few(report.storedDespiteError)}`);
  if (report.unexpected.length > 0)
    lines.push(`${report.unexpected.length} stored title(s) this run never sent: ${few(report.unexpected)}`);
  return lines;
}
