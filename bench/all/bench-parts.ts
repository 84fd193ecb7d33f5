/** The parts `npm run bench` runs, in order: each is its own npm script and writes its own section of docs/performance.md. */
export interface BenchPart {
  name: string;
  script: string;
  args: string[];
  /** What it measures, for the summary. */
  what: string;
  /** Beyond this the part is stopped and counted as failed, so the whole run stays bounded. */
  timeoutMs: number;
}

export const BENCH_PARTS: readonly BenchPart[] = [
  {
    name: 'pages',
    script: 'bench:pages',
    args: ['--profile'],
    what: 'the post list: app (signed out and signed in), bare limit and plain peer',
    // 2 rounds × (5 servers × 2 sizes + the signed-in page) × 8 s, the profile, five server starts and a sign-up.
    timeoutMs: 6 * 60_000,
  },
  {
    name: 'queries',
    script: 'bench:queries',
    args: [],
    what: 'the list’s reads: Prisma with and without plan cache, $queryRaw, pg; the fast path’s candidates on the list and the session check',
    timeoutMs: 5 * 60_000,
  },
  {
    name: 'build',
    script: 'bench:build',
    args: [],
    what: 'discovery for 10/100/1,000 components, no-op build, watch',
    timeoutMs: 4 * 60_000,
  },
  {
    name: 'startup',
    script: 'bench:startup',
    args: [],
    what: '`npm start` to the first 200, initialised and fresh clone',
    timeoutMs: 4 * 60_000,
  },
  {
    name: 'test setup',
    script: 'bench:test-setup',
    args: ['--quick'],
    what: 'the Jest global setup for 1, 4 and 8 workers',
    timeoutMs: 3 * 60_000,
  },
  {
    name: 'sign-in',
    script: 'bench:sign-in',
    args: [],
    what: 'a failed sign-in: wrong password against unknown email, placeholder, deleted account',
    timeoutMs: 4 * 60_000,
  },
  {
    name: 'events',
    script: 'bench:events',
    args: [],
    what: 'the job queue: graphile-worker and pg-boss raw, then the platform’s events (latency, throughput, publish cost)',
    timeoutMs: 7 * 60_000,
  },
];

export interface PartOutcome {
  part: BenchPart;
  ms: number;
  /** 0: ran and wrote its section; anything else: failed or stopped. */
  exitCode: number | null;
  timedOut: boolean;
}

/** Which parts to run: all, or those named on the command line (`npm run bench -- pages build`). */
export function selectParts(names: readonly string[], parts: readonly BenchPart[] = BENCH_PARTS): BenchPart[] {
  if (names.length === 0) return [...parts];
  const unknown = names.filter((name) => !parts.some((part) => part.name.replace(' ', '-') === name));
  if (unknown.length > 0) {
    throw new Error(
      `no bench part named ${unknown.map((name) => `"${name}"`).join(', ')}; the parts are ${parts.map((part) => part.name.replace(' ', '-')).join(', ')}`,
    );
  }
  return parts.filter((part) => names.includes(part.name.replace(' ', '-')));
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(0)} s`;

/** One line per part, and the total: what the run cost and what failed. */
export function summaryLines(outcomes: readonly PartOutcome[]): string[] {
  const lines = outcomes.map(({ part, ms, exitCode, timedOut }) => {
    const result = timedOut ? `STOPPED after ${seconds(part.timeoutMs)}` : exitCode === 0 ? 'done' : `FAILED (exit ${exitCode})`;
    return `${part.name.padEnd(11)} ${seconds(ms).padStart(6)}  ${result}  ${part.what}`;
  });
  const total = outcomes.reduce((sum, outcome) => sum + outcome.ms, 0);
  lines.push(`${'total'.padEnd(11)} ${seconds(total).padStart(6)}`);
  return lines;
}
