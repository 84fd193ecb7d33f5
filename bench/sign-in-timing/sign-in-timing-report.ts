import type { Host } from '../test-setup/machine';
import { markdownTable } from '../test-setup/table';

export const SIGN_IN_SECTION_HEADING = '## Sign-in timing (`npm run bench:sign-in`)';

/** The four failed sign-ins; the first is the one the others are compared with. */
export const SIGN_IN_KINDS = ['wrongPassword', 'unknownEmail', 'placeholder', 'deleted'] as const;
export type SignInKind = (typeof SIGN_IN_KINDS)[number];

export const KIND_LABELS: Record<SignInKind, string> = {
  wrongPassword: 'wrong password, real account',
  unknownEmail: 'unknown email',
  placeholder: 'placeholder account (no password hash)',
  deleted: 'deleted account',
};

/** Median ratios to the wrong password inside this band count as the same time, given the noise of a shared machine. */
export const SAME_TIME_BAND = { low: 0.85, high: 1.15 } as const;

/** Milliseconds per kind for one round, every kind once. */
export type Round = Record<SignInKind, number>;

/**
 * The order of round `round` (from 0): the kinds rotated by one place per
 * round, so each goes first (and last) equally often and a burst of load
 * from the rest of the machine does not always fall on the same kind.
 */
export function roundOrder(round: number): SignInKind[] {
  const shift = round % SIGN_IN_KINDS.length;
  return [...SIGN_IN_KINDS.slice(shift), ...SIGN_IN_KINDS.slice(0, shift)];
}

export function median(values: readonly number[]): number {
  return percentile(values, 0.5);
}

/** Linear interpolation between the closest ranks, so the median of an even count is the mean of the middle two. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) throw new Error('no values to take a percentile of');
  const sorted = [...values].sort((a, b) => a - b);
  const position = p * (sorted.length - 1);
  const below = Math.floor(position);
  const above = Math.min(below + 1, sorted.length - 1);
  return sorted[below] + (sorted[above] - sorted[below]) * (position - below);
}

export interface KindFigures {
  kind: SignInKind;
  medianMs: number;
  p90Ms: number;
  /** Median over the rounds of this kind's time ÷ the wrong password's time in the same round (rounded to 2 places). */
  ratio: number;
  /** The 10th and 90th percentile of those per-round ratios: how noisy a single round is. */
  ratioP10: number;
  ratioP90: number;
}

const twoPlaces = (value: number) => Math.round(value * 100) / 100;

/** Per kind: median and p90 of its times, and the median of its per-round ratios to the wrong password. */
export function summarise(rounds: readonly Round[]): KindFigures[] {
  if (rounds.length === 0) throw new Error('no rounds were measured');
  return SIGN_IN_KINDS.map((kind) => {
    const times = rounds.map((round) => round[kind]);
    const ratios = rounds.map((round) => round[kind] / round.wrongPassword);
    return {
      kind,
      medianMs: median(times),
      p90Ms: percentile(times, 0.9),
      ratio: twoPlaces(median(ratios)),
      ratioP10: twoPlaces(percentile(ratios, 0.1)),
      ratioP90: twoPlaces(percentile(ratios, 0.9)),
    };
  });
}

/** Kinds whose median ratio lies outside {@link SAME_TIME_BAND}. */
export function outliers(figures: readonly KindFigures[]): KindFigures[] {
  return figures.filter((row) => row.kind !== 'wrongPassword' && (row.ratio < SAME_TIME_BAND.low || row.ratio > SAME_TIME_BAND.high));
}

const band = `${SAME_TIME_BAND.low.toFixed(2)}–${SAME_TIME_BAND.high.toFixed(2)}`;

/** The bench's judgement: the same time within the noise, or which kinds are faster or slower, and what that tells an attacker. */
export function verdictLine(figures: readonly KindFigures[]): string {
  const off = outliers(figures);
  if (off.length === 0) return `the answers take the same time within the noise (every median ratio within ${band})`;
  const named = off.map((row) => `${KIND_LABELS[row.kind]} ${row.ratio.toFixed(2)} (${row.ratio < 1 ? 'faster' : 'slower'})`).join(', ');
  return (
    `outside ${band}: ${named}; by these medians the response time could tell them from a real account's wrong password. ` +
    'Every kind should verify one argon2 hash (AccountsComponentService.signIn); on a busy machine run it again, with more rounds, before concluding'
  );
}

const ms = (value: number) => `${value.toFixed(1)} ms`;

export function signInTable(figures: readonly KindFigures[]): string {
  return markdownTable(
    ['sign-in with', 'median', 'p90', 'median ratio to wrong password', 'ratio p10–p90'],
    figures.map((row) => [
      KIND_LABELS[row.kind],
      ms(row.medianMs),
      ms(row.p90Ms),
      row.kind === 'wrongPassword' ? '1 (the reference)' : row.ratio.toFixed(2),
      row.kind === 'wrongPassword' ? '–' : `${row.ratioP10.toFixed(2)}–${row.ratioP90.toFixed(2)}`,
    ]),
  );
}

export interface SignInRun {
  rounds: readonly Round[];
  warmupRounds: number;
  date: Date;
  host: Host;
  postgres: string;
  /** 1-minute load averages when the measured rounds began and ended: more than the cores means other work competed. */
  loadAverage: { start: number; end: number };
}

/** The whole docs section, generated on every run. */
export function signInSection(run: SignInRun): string {
  const { host, loadAverage } = run;
  // The bench keeps about one core busy itself (client, app and PostgreSQL take turns); more than the cores means others competed.
  const busy = Math.max(loadAverage.start, loadAverage.end) > host.cores;
  const figures = summarise(run.rounds);
  return [
    SIGN_IN_SECTION_HEADING,
    '',
    '<!-- Written by `npm run bench:sign-in` (bench/sign-in-timing.bench.ts) on every run; edits here are overwritten (the text is in bench/sign-in-timing/sign-in-timing-report.ts). -->',
    '',
    `Run on ${run.date.toISOString().slice(0, 10)}: ${host.cpu}, ${host.cores} cores, ${host.memory}, Node ${host.node}, ${run.postgres}.`,
    `1-minute load average ${loadAverage.start.toFixed(2)} when the rounds began, ${loadAverage.end.toFixed(2)} when they ended` +
      (busy ? ': the machine was shared with other work, which widens the spread.' : '.'),
    '',
    'Whether the answer to a failed sign-in takes as long for an email without a usable account as for a real',
    "account's wrong password, so the response time does not tell an attacker which emails have accounts (see",
    '[architecture.md](architecture.md#accounts-and-sessions): a placeholder, deleted or unknown account verifies a',
    'dummy argon2 hash). The built app (`dist/main.js`, `NODE_ENV=production`) on loopback, with its own embedded',
    'PostgreSQL under `.data/bench-sign-in`; the real account signed up through the sign-up form, the placeholder',
    '(no password hash) and the deleted account written into the database. Each round is one `POST',
    '/accounts/sign-in` of each kind with a wrong password and a CSRF token, in an order rotated by one place per',
    'round; the rate-limit counters are cleared between rounds, untimed. Each time is from sending the request to',
    `the end of the answer (a 400 with the one message for every reason). ${run.rounds.length} rounds after ${run.warmupRounds} untimed;`,
    "a kind's ratio is the median over the rounds of its time divided by the wrong password's time in the same",
    `round. Within ${band} counts as the same time.`,
    '',
    signInTable(figures),
    '',
    `Verdict: ${verdictLine(figures)}.`,
    '',
    '**Can it tell?** Checked by hand on 2026-12-07, the machine shared with other work (load average 6 to 12 on',
    '2 cores): with the dummy verify taken out of `AccountsComponentService.signIn` (an account without a usable',
    'hash answered without verifying any), one run of 30 rounds gave the unknown email 0.48, the placeholder 0.52',
    'and the deleted account 0.49 (a skipped argon2 verify is about half of the request), and the verdict named all',
    'three. With the dummy verify, five runs of 30 rounds that day gave medians from 0.98 to 1.11 for every kind,',
    'though single rounds ranged from 0.5 to 1.7: judge the medians, not a round.',
  ].join('\n');
}
