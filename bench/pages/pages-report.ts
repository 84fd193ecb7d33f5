import { markdownTable, verdict } from '../test-setup/table';
import type { LoadMachine } from '../load/load-report';
import type { Measurement } from './measure-server';

/** The heading of the section `npm run bench:pages` owns in docs/performance.md. */
export const PAGES_SECTION_HEADING = '## Pages (`npm run bench:pages`)';

/**
 * The rows: `app-signed-in` is the plain app's own process, asked with a signed-in reader's cookies;
 * `before` and `before-signed-in` the same for another build of the app (`--before <dir>`), for a before/after table.
 */
export type ServerName = 'app' | 'app-signed-in' | 'app-metrics' | 'app-tracing' | 'limit' | 'peer' | 'before' | 'before-signed-in';

export const SERVER_LABELS: Record<ServerName, string> = {
  app: 'the app',
  'app-signed-in': 'app, signed in',
  'app-metrics': 'app, logs + metrics on',
  'app-tracing': 'app, logs + tracing on',
  limit: 'bare limit',
  peer: 'plain peer',
  before: 'the app before',
  'before-signed-in': 'app before, signed in',
};

/** The app's rows: plain (no request log lines), with request logs and metrics on, with request logs and tracing on; the same build, other settings. */
export const APP_VARIANTS = ['app-metrics', 'app-tracing'] as const;
export type AppVariant = (typeof APP_VARIANTS)[number];
export const isApp = (server: ServerName): boolean =>
  server === 'app' ||
  server === 'app-signed-in' ||
  server === 'before' ||
  server === 'before-signed-in' ||
  (APP_VARIANTS as readonly string[]).includes(server);
/** The signed-in row is measured at this page size only: the list as a reader sees it. */
export const SIGNED_IN_PAGE_SIZE = 20;

/** One server at one page size: a measurement per round, or why there is none. */
export interface ServerFigures {
  server: ServerName;
  pageSize: number;
  path: string;
  rounds: Measurement[];
  /** Set when the server was not measured at this size (e.g. the app has no such page). */
  unavailable?: string;
}

export interface Medians {
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  peakRssMiB: number;
  bytesPerAnswer: number;
}

export interface TargetVerdict {
  label: string;
  met: boolean;
  /** The measured value, e.g. `0.71×`. */
  value: string;
}

export interface PagesRun {
  machine: LoadMachine;
  date: Date;
  connections: number;
  durationS: number;
  rounds: number;
  postCount: number;
  figures: ServerFigures[];
  /** With `--before`: what the other build is (its commit), named in the before/after table. */
  before?: string;
  /** What the metrics and tracing rows did besides answering: scrapes of /metrics, exports to the OTLP receiver. */
  observability?: { scrapes: number; exports: number; exportedBytes: number };
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** Each figure's median over the rounds (null when the server was not measured). */
export function medians(figures: ServerFigures): Medians | null {
  if (figures.unavailable || figures.rounds.length === 0) return null;
  const of = (pick: (m: Measurement) => number) => median(figures.rounds.map(pick));
  return {
    requestsPerSecond: of((m) => m.requestsPerSecond),
    p50Ms: of((m) => m.p50Ms),
    p99Ms: of((m) => m.p99Ms),
    // The peak is the most any round needed, not a middle value.
    peakRssMiB: Math.max(...figures.rounds.map((m) => m.peakRssMiB)),
    bytesPerAnswer: of((m) => m.bytesPerAnswer),
  };
}

const find = (figures: readonly ServerFigures[], server: ServerName, pageSize: number) =>
  figures.find((f) => f.server === server && f.pageSize === pageSize);

/** app ÷ reference in requests per second, at one page size; null when either was not measured. */
export function throughputRatio(figures: readonly ServerFigures[], reference: ServerName, pageSize: number): number | null {
  const app = find(figures, 'app', pageSize);
  const other = find(figures, reference, pageSize);
  const a = app && medians(app);
  const b = other && medians(other);
  return a && b && b.requestsPerSecond > 0 ? a.requestsPerSecond / b.requestsPerSecond : null;
}

/** An app variant (or the signed-in row) ÷ the plain app in requests per second, at one page size; null when either was not measured. */
export function variantRatio(figures: readonly ServerFigures[], variant: AppVariant | 'app-signed-in', pageSize: number): number | null {
  const app = find(figures, 'app', pageSize);
  const other = find(figures, variant, pageSize);
  const a = app && medians(app);
  const b = other && medians(other);
  return a && b && a.requestsPerSecond > 0 ? b.requestsPerSecond / a.requestsPerSecond : null;
}

/**
 * The issues' targets: the app at 0.5× the bare limit (issue 25; 0.6× is its stretch), a signed-in reader at
 * 0.85× a signed-out one, and logs with metrics on under 5 % of the page's throughput (tracing's cost is reported,
 * not bounded).
 */
export const TARGETS = { minShareOfLimit: 0.5, maxP99Ms: 50, maxPeakRssMiB: 200, minMetricsShare: 0.95, minSignedInShare: 0.85 };

/** The targets for the app, per page size; a size the app was not measured at misses them. */
export function targetVerdicts(figures: readonly ServerFigures[], connections: number): TargetVerdict[] {
  const sizes = [...new Set(figures.map((f) => f.pageSize))];
  return sizes.flatMap((size) => {
    const app = find(figures, 'app', size);
    const m = app ? medians(app) : null;
    const toLimit = throughputRatio(figures, 'limit', size);
    const toPeer = throughputRatio(figures, 'peer', size);
    const ratio = (value: number | null) => (value === null ? 'not measured' : `${value.toFixed(2)}×`);
    const withMetrics = find(figures, 'app-metrics', size) ? variantRatio(figures, 'app-metrics', size) : undefined;
    const signedInFigures = find(figures, 'app-signed-in', size);
    const signedIn = signedInFigures ? medians(signedInFigures) : null;
    const signedInShare = signedInFigures ? variantRatio(figures, 'app-signed-in', size) : null;
    return [
      ...(withMetrics === undefined
        ? []
        : [
            {
              label: `${size} per page: app with logs + metrics on ≥ ${TARGETS.minMetricsShare}× the plain app`,
              met: withMetrics !== null && withMetrics >= TARGETS.minMetricsShare,
              value: ratio(withMetrics),
            },
          ]),
      {
        label: `${size} per page: app ≥ ${TARGETS.minShareOfLimit}× bare limit`,
        met: toLimit !== null && toLimit >= TARGETS.minShareOfLimit,
        value: ratio(toLimit),
      },
      { label: `${size} per page: app ahead of plain peer`, met: toPeer !== null && toPeer > 1, value: ratio(toPeer) },
      {
        label: `${size} per page: app p99 < ${TARGETS.maxP99Ms} ms at ${connections} connections`,
        met: m !== null && m.p99Ms < TARGETS.maxP99Ms,
        value: m ? `${m.p99Ms} ms` : 'not measured',
      },
      {
        label: `${size} per page: app peak RSS < ${TARGETS.maxPeakRssMiB} MiB`,
        met: m !== null && m.peakRssMiB < TARGETS.maxPeakRssMiB,
        value: m ? `${m.peakRssMiB.toFixed(0)} MiB` : 'not measured',
      },
      ...(signedInFigures === undefined
        ? []
        : [
            {
              label: `${size} per page: app signed in ≥ ${TARGETS.minSignedInShare}× signed out`,
              met: signedInShare !== null && signedInShare >= TARGETS.minSignedInShare,
              value: ratio(signedInShare),
            },
            {
              label: `${size} per page: app signed in p99 < ${TARGETS.maxP99Ms} ms at ${connections} connections`,
              met: signedIn !== null && signedIn.p99Ms < TARGETS.maxP99Ms,
              value: signedIn ? `${signedIn.p99Ms} ms` : 'not measured',
            },
          ]),
    ];
  });
}

const whole = (value: number) => Math.round(value).toLocaleString('en-US');
const ms = (value: number) => (value < 10 ? value.toFixed(1) : whole(value));

/** Median, with the rounds' range when they differ: `1,234 (1,200–1,260)`. */
function withRange(values: number[], format: (value: number) => string): string {
  const [low, high] = [format(Math.min(...values)), format(Math.max(...values))];
  if (low === high) return format(median(values));
  return `${format(median(values))} (${low}–${high})`;
}

export function pagesTable(figures: readonly ServerFigures[]): string {
  return markdownTable(
    ['per page', 'server', 'req/s', 'p50 ms', 'p99 ms', 'peak RSS MiB', 'KiB/page', 'app ÷ this'],
    figures.map((f) => {
      const m = medians(f);
      const label = `${SERVER_LABELS[f.server]} (\`${f.path}\`)`;
      if (!m) return [String(f.pageSize), label, 'not measured', '', '', '', '', ''];
      const ratio = isApp(f.server) ? '' : throughputRatio(figures, f.server, f.pageSize);
      return [
        String(f.pageSize),
        label,
        withRange(
          f.rounds.map((r) => r.requestsPerSecond),
          whole,
        ),
        withRange(
          f.rounds.map((r) => r.p50Ms),
          ms,
        ),
        withRange(
          f.rounds.map((r) => r.p99Ms),
          ms,
        ),
        m.peakRssMiB.toFixed(0),
        (m.bytesPerAnswer / 1024).toFixed(1),
        typeof ratio === 'number' ? `${ratio.toFixed(2)}×` : ratio === null ? 'n/a' : '',
      ];
    }),
  );
}

/** Per page size: each app variant's throughput ÷ the plain app's, in the same run. */
export function costTable(figures: readonly ServerFigures[]): string {
  const sizes = [...new Set(figures.map((f) => f.pageSize))];
  const ratio = (value: number | null) => (value === null ? 'not measured' : `${value.toFixed(2)}×`);
  return markdownTable(
    ['per page', ...APP_VARIANTS.map((variant) => `${SERVER_LABELS[variant]} ÷ plain app`)],
    sizes.map((size) => [String(size), ...APP_VARIANTS.map((variant) => ratio(variantRatio(figures, variant, size)))]),
  );
}

/** Per page size: the signed-in reader ÷ the signed-out one, and the signed-out app ÷ each reference, same run. */
export function ratioTable(figures: readonly ServerFigures[]): string {
  const sizes = [...new Set(figures.map((f) => f.pageSize))];
  const ratio = (value: number | null) => (value === null ? 'not measured' : `${value.toFixed(2)}×`);
  return markdownTable(
    ['per page', 'signed in ÷ signed out', 'signed out ÷ bare limit', 'signed out ÷ plain peer'],
    sizes.map((size) => [
      String(size),
      find(figures, 'app-signed-in', size) ? ratio(variantRatio(figures, 'app-signed-in', size)) : 'not measured',
      ratio(throughputRatio(figures, 'limit', size)),
      ratio(throughputRatio(figures, 'peer', size)),
    ]),
  );
}

/** With `--before`: the other build against this one, signed out and signed in, same run; null without it. */
export function beforeAfterTable(figures: readonly ServerFigures[]): string | null {
  const pairs = [
    ['signed out', 'before', 'app'],
    ['signed in', 'before-signed-in', 'app-signed-in'],
  ] as const;
  const rows = pairs.flatMap(([reader, beforeName, afterName]) => {
    const before = find(figures, beforeName, SIGNED_IN_PAGE_SIZE);
    const after = find(figures, afterName, SIGNED_IN_PAGE_SIZE);
    const b = before && medians(before);
    const a = after && medians(after);
    if (!b || !a) return [];
    return [
      [
        reader,
        whole(b.requestsPerSecond),
        whole(a.requestsPerSecond),
        `${(a.requestsPerSecond / b.requestsPerSecond).toFixed(2)}×`,
        `${ms(b.p99Ms)} → ${ms(a.p99Ms)}`,
        `${b.peakRssMiB.toFixed(0)} → ${a.peakRssMiB.toFixed(0)}`,
      ],
    ];
  });
  if (rows.length === 0) return null;
  return markdownTable(
    [
      `${SIGNED_IN_PAGE_SIZE} per page`,
      'before req/s',
      'after req/s',
      'after ÷ before',
      'p99 ms before → after',
      'peak RSS MiB before → after',
    ],
    rows,
  );
}

export function targetsTable(verdicts: readonly TargetVerdict[]): string {
  return markdownTable(
    ['target', 'measured', 'result'],
    verdicts.map((v) => [v.label, v.value, verdict(v.met, v.label.replace(/^\d+ per page: /, ''))]),
  );
}

/** Why a server was not measured at a size, one line each. */
export function unavailableNotes(figures: readonly ServerFigures[]): string[] {
  return figures.filter((f) => f.unavailable).map((f) => `- ${SERVER_LABELS[f.server]}, ${f.pageSize} per page: ${f.unavailable}`);
}

function beforeAfterSection(run: PagesRun): string[] {
  const table = beforeAfterTable(run.figures);
  if (!table || !run.before) return [];
  return [
    `Before and after, same run: **the app before** is \`${run.before}\`'s build, started the same way on the same database`,
    '(`--before <dir>`), beside this build; signed out and signed in.',
    '',
    table,
    '',
  ];
}

/** The whole docs section, generated. */
export function pagesSection(run: PagesRun, verdicts: readonly TargetVerdict[]): string {
  const { machine } = run;
  const notes = unavailableNotes(run.figures);
  return [
    PAGES_SECTION_HEADING,
    '',
    `Run on ${run.date.toISOString().slice(0, 10)}: ${machine.cpu}, ${machine.cores} cores, ${machine.memory}, Node ${machine.node}, ${machine.postgres}.`,
    '',
    '<!-- Written by `npm run bench:pages` (bench/pages.bench.ts) on every run; edits here are overwritten. -->',
    '',
    `Five servers answer \`GET /demo/posts\` from the same ${whole(run.postCount)} posts in one embedded PostgreSQL, on loopback,`,
    '`NODE_ENV=production`, one at a time and in alternating order per round:',
    '',
    '- **the app**: `dist/main.js` as `npm start` runs it (Nest, Prisma over adapter-pg, React SSR, CSRF, helmet, the whole stack),',
    '  with `LOG_LEVEL=warn` (JSON logs as in production, but no line per request); metrics and tracing off.',
    `- **app, signed in**: the same process at ${SIGNED_IN_PAGE_SIZE} per page, every request with the cookies of a reader the bench signed up and in`,
    '  through the app’s own forms (CSRF token included) before the rounds: the session lookup, the header’s sign-out form and the',
    '  add-post form with their CSRF token. Every answer must still show the form (`_csrf` field), or the run fails.',
    '- **app, logs + metrics on**: the same with `LOG_LEVEL=info` (a JSON line per request, to its log file) and `METRICS_PORT` set;',
    '  the bench fetches its `/metrics` once a second, as Prometheus would.',
    '- **app, logs + tracing on**: `LOG_LEVEL=info` and `OTEL_EXPORTER_OTLP_ENDPOINT` at an OTLP/HTTP receiver in the bench process that reads',
    '  and discards every export, so the app pays the whole export.',
    '- **bare limit** (`bench/pages/bare-limit-server.tsx`): Node `http` + a `pg` pool of 10 + React `renderToString`, no framework; tuned:',
    '  prepared statements, page and count read at once, one cached date formatter.',
    '- **plain peer** (`bench/pages/plain-peer/`): a minimal Nest 11 + Prisma 6.19 (adapter-pg) app written as the Nest and Prisma docs',
    '  show, untuned: `count()` then `findMany({ include: { author: { select: { displayName: true } } } })`, `toLocaleDateString` per card.',
    '',
    'The two references render the same markup (`bench/pages/reference-page.tsx`), shaped like the app’s list as a signed-out',
    'reader sees it: no form and no Delete link.',
    `Load: autocannon, ${run.connections} connections, ${run.durationS} s per server and page size, ${run.rounds} round${run.rounds === 1 ? '' : 's'}, after an uncounted warm-up.`,
    'Every answer must be 200 with the expected number of post cards, or the run fails. Figures are medians over the rounds,',
    'with the range in parentheses; peak RSS is the server process’s largest resident set, sampled every 100 ms.',
    '',
    pagesTable(run.figures),
    '',
    ...(notes.length > 0 ? [...notes, ''] : []),
    'The cost of request logs with metrics, and with tracing: each app row’s requests per second ÷ the plain app’s (no request log lines), same run, same page.',
    ...(run.observability
      ? [
          `During the run /metrics was scraped ${whole(run.observability.scrapes)} times and the traced app sent ${whole(run.observability.exports)} exports`,
          `(${(run.observability.exportedBytes / 1024 / 1024).toFixed(1)} MiB) to the receiver.`,
        ]
      : []),
    '',
    costTable(run.figures),
    '',
    'The signed-in reader against the signed-out one, and the signed-out app against the references, same run:',
    '',
    ratioTable(run.figures),
    '',
    ...beforeAfterSection(run),
    targetsTable(verdicts),
    '',
  ].join('\n');
}
