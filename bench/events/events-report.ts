import type { Host } from '../test-setup/machine';
import { markdownTable } from '../test-setup/table';
import { EventsBenchSizes, LOAD_RATE_PER_S } from './events-options';
import type { PlatformFigures, PlatformModeFigures, PublishCostPair } from './platform-figures';
import type { DrainFigure, LatencyFigure, SustainedFigure } from './queue-measurements';
import type { RawLatency, RawQueueFigures } from './raw-queues';
import { LATENCY_CONCURRENCY } from './raw-queues';

export const EVENTS_SECTION_HEADING = '## Events and jobs (`npm run bench:events`)';

/** The issue's targets for the platform (issue 22, "Performance"). */
export const TARGETS = { idleP50Ms: 20, idleP99Ms: 200, sustainedPerS: 1000, publishAddsMs: 1, ratioToRaw: 0.7 } as const;

export interface EventsRun {
  date: Date;
  host: Host;
  postgres: string;
  /** 1-minute load averages when the measurements began and ended. */
  loadAverage: { start: number; end: number };
  quick: boolean;
  sizes: EventsBenchSizes;
  /** Wall time of the whole part. */
  seconds: number;
  /** graphile-worker first, then pg-boss. */
  raw: RawQueueFigures[];
  /** The platform's figures, or why there are none. */
  platform: PlatformFigures | { error: string };
  /** The raw graphile-worker settings the platform's runner uses: its throughput is the ratio's reference. */
  platformSettingsLabel: string;
}

const whole = (value: number) => Math.round(value).toLocaleString('en-US');

/** `0.42 ms`, `6.3 ms`, `254 ms`, `2.6 s`: as many digits as a reader can use. */
export function formatMs(value: number | undefined): string {
  if (value === undefined) return '–';
  if (value >= 1000) return `${(value / 1000).toFixed(1)} s`;
  if (value >= 100) return `${Math.round(value)} ms`;
  if (value >= 1) return `${value.toFixed(1)} ms`;
  return `${value.toFixed(2)} ms`;
}

export const formatRate = (value: number | undefined): string => (value === undefined ? '–' : whole(value));

/** `400 of 400`, or `40 of 400` when some never arrived within the wait. */
const deliveredOf = (figure: { sent: number; delivered: number }) => `${whole(figure.delivered)} of ${whole(figure.sent)}`;

export function enqueueTable(raw: readonly RawQueueFigures[]): string {
  const batchSize = raw[0]?.batchSize ?? 0;
  return markdownTable(
    ['queue', 'one job per transaction (jobs/s)', `${batchSize} jobs per statement (jobs/s)`],
    raw.map((queue) => [queue.name, formatRate(queue.enqueueSinglePerS), formatRate(queue.enqueueBatchPerS)]),
  );
}

function drainCell(figure: DrainFigure | undefined): string {
  if (!figure) return '–';
  const rate = formatRate(figure.perSecond);
  return figure.capped ? `${rate} (${whole(figure.delivered)} of ${whole(figure.queued)} in the time allowed)` : rate;
}

export function drainTable(raw: readonly RawQueueFigures[]): string {
  const rows = raw.flatMap((queue) => {
    const labels = [...new Set(queue.drains.map((drain) => drain.settings.label))];
    return labels.map((label) => {
      const at = (concurrency: number) =>
        queue.drains.find((drain) => drain.settings.label === label && drain.settings.concurrency === concurrency);
      return [queue.name, label, drainCell(at(4)), drainCell(at(10))];
    });
  });
  return markdownTable(['queue', 'settings', 'concurrency 4 (deliveries/s)', 'concurrency 10 (deliveries/s)'], rows);
}

function latencyCells(figure: LatencyFigure | undefined): string[] {
  if (!figure) return ['–', '–'];
  if (figure.delivered === 0) return ['none delivered', '–'];
  return [formatMs(figure.p50Ms), figure.delivered < figure.sent ? `${formatMs(figure.p99Ms)} of those delivered` : formatMs(figure.p99Ms)];
}

function sustainedCell(figure: SustainedFigure | undefined): string {
  if (!figure) return '–';
  const rate = formatRate(figure.perSecond);
  return figure.capped ? `${rate} (${deliveredOf(figure)} delivered)` : rate;
}

const sentCell = (figure: SustainedFigure | undefined) => (figure ? formatRate(figure.sentPerSecond) : '–');

/** Latency idle and under load, and publish-and-deliver throughput, per queue and settings, at concurrency 4. */
export function latencyTable(raw: readonly RawQueueFigures[], platform?: PlatformFigures): string {
  const rawRows = raw.flatMap((queue) =>
    queue.latencies.map((entry: RawLatency) => [
      queue.name,
      entry.settings.label,
      ...latencyCells(entry.idle),
      ...latencyCells(entry.atRate),
      deliveredOf(entry.atRate),
      sentCell(entry.sustained),
      sustainedCell(entry.sustained),
    ]),
  );
  const platformRows = (platform?.modes ?? []).map((mode: PlatformModeFigures) => [
    'the platform',
    mode.label,
    ...latencyCells(mode.idle),
    ...latencyCells(mode.atRate),
    deliveredOf(mode.atRate),
    sentCell(mode.sustained),
    sustainedCell(mode.sustained),
  ]);
  return markdownTable(
    [
      'queue',
      'settings',
      'idle p50',
      'idle p99',
      `at ${LOAD_RATE_PER_S}/s p50`,
      `at ${LOAD_RATE_PER_S}/s p99`,
      `delivered at ${LOAD_RATE_PER_S}/s`,
      'publish-and-deliver: sent/s',
      'publish-and-deliver: deliveries/s',
    ],
    [...rawRows, ...platformRows],
  );
}

export function publishCostTable(platform: PlatformFigures): string {
  const rows = (where: string, { without, withStatement, with: withOne }: PublishCostPair) => [
    [where, 'without a publish', formatMs(without.p50Ms), formatMs(without.p99Ms)],
    [where, 'with one more statement (`SELECT 1`) instead', formatMs(withStatement.p50Ms), formatMs(withStatement.p99Ms)],
    [where, 'with one publish', formatMs(withOne.p50Ms), formatMs(withOne.p99Ms)],
    [where, '**added by the publish**', formatMs(withOne.p50Ms - without.p50Ms), formatMs(withOne.p99Ms - without.p99Ms)],
  ];
  return markdownTable(
    ['instance', 'write transaction (one INSERT)', 'median', 'p99'],
    [
      ...rows('node-postgres, add_jobs in SQL (no platform, no Prisma)', platform.publishCost.raw),
      ...rows('no runner (JOBS_CONCURRENCY=0)', platform.publishCost.alone),
      ...rows(`runner delivering (JOBS_CONCURRENCY ${platform.concurrency})`, platform.publishCost.delivering),
    ],
  );
}

/** The raw graphile-worker publish-and-deliver figure with the platform's settings: what the ratio divides by. */
export function rawReference(run: Pick<EventsRun, 'raw' | 'platformSettingsLabel'>): number | undefined {
  const graphileWorker = run.raw.find((queue) => queue.name.startsWith('graphile-worker'));
  return graphileWorker?.latencies.find((entry) => entry.settings.label === run.platformSettingsLabel)?.sustained.perSecond;
}

export interface TargetRow {
  target: string;
  figure: string;
  met: boolean | undefined;
}

/** Each of the issue's targets against the platform's default mode (the `{ transaction: false }` figure beside it). */
export function targetRows(run: Pick<EventsRun, 'raw' | 'platform' | 'platformSettingsLabel'>): TargetRow[] {
  const platform = 'error' in run.platform ? undefined : run.platform;
  const [main, noTransaction, wider]: (PlatformModeFigures | undefined)[] = platform?.modes ?? [];
  const reference = rawReference(run);
  const also = (value: string | undefined) => (noTransaction && value ? `; { transaction: false }: ${value}` : '');
  const ratio = (mode: PlatformModeFigures | undefined) =>
    mode?.sustained.perSecond !== undefined && reference ? mode.sustained.perSecond / reference : undefined;
  const mainRatio = ratio(main);
  const cost = platform?.publishCost;
  const added = cost ? cost.alone.with.p50Ms - cost.alone.without.p50Ms : undefined;
  const addedP99 = cost ? cost.alone.with.p99Ms - cost.alone.without.p99Ms : undefined;
  const addedDelivering = cost ? cost.delivering.with.p50Ms - cost.delivering.without.p50Ms : undefined;
  const addedRaw = cost ? cost.raw.with.p50Ms - cost.raw.without.p50Ms : undefined;
  const check = (value: number | undefined, ok: (value: number) => boolean) => (value === undefined ? undefined : ok(value));
  return [
    {
      target: `commit to listener start, idle: p50 < ${TARGETS.idleP50Ms} ms`,
      figure: main ? `${formatMs(main.idle?.p50Ms)}${also(formatMs(noTransaction?.idle?.p50Ms))}` : 'not measured',
      met: check(main?.idle?.p50Ms, (value) => value < TARGETS.idleP50Ms),
    },
    {
      target: `commit to listener start, idle: p99 < ${TARGETS.idleP99Ms} ms`,
      figure: main ? `${formatMs(main.idle?.p99Ms)}${also(formatMs(noTransaction?.idle?.p99Ms))}` : 'not measured',
      met: check(main?.idle?.p99Ms, (value) => value < TARGETS.idleP99Ms),
    },
    {
      target: `publish-and-deliver ≥ ${whole(TARGETS.sustainedPerS)} deliveries/s`,
      figure: main
        ? `${formatRate(main.sustained.perSecond)}/s${also(`${formatRate(noTransaction?.sustained.perSecond)}/s`)}` +
          (wider ? `; ${wider.label.replace('listener in its own transaction, ', '')}: ${formatRate(wider.sustained.perSecond)}/s` : '')
        : 'not measured',
      met: main && check(main.sustained.perSecond, (value) => value >= TARGETS.sustainedPerS && !main.sustained.capped),
    },
    {
      target: `platform ≥ ${TARGETS.ratioToRaw}× raw graphile-worker (${run.platformSettingsLabel}, same run)`,
      figure:
        main && mainRatio !== undefined
          ? `${mainRatio.toFixed(2)}× (${formatRate(main.sustained.perSecond)} ÷ ${formatRate(reference)})${also(ratio(noTransaction)?.toFixed(2).concat('×'))}`
          : 'not measured',
      met: check(mainRatio, (value) => value >= TARGETS.ratioToRaw),
    },
    {
      target: `publishing adds < ${TARGETS.publishAddsMs} ms to the request`,
      figure:
        added !== undefined
          ? `${formatMs(added)} at the median, ${formatMs(addedP99)} at p99 (add_jobs alone, node-postgres: ${formatMs(addedRaw)}; with the runner delivering meanwhile: ${formatMs(addedDelivering)})`
          : 'not measured',
      met: check(added, (value) => value < TARGETS.publishAddsMs),
    },
  ];
}

export function targetsTable(rows: readonly TargetRow[]): string {
  return markdownTable(
    ['target', 'figure', 'result'],
    rows.map((row) => [row.target, row.figure, row.met === undefined ? 'not measured' : row.met ? 'met' : 'missed']),
  );
}

/** Facts read off the figures, one sentence each: what a reader should take from the tables. */
export function readingLines(run: Pick<EventsRun, 'raw' | 'platform' | 'platformSettingsLabel'>): string[] {
  const [graphileWorker, pgBoss] = run.raw;
  const lines: string[] = [];
  const idle = (queue: RawQueueFigures | undefined) => queue?.latencies[0]?.idle;
  if (graphileWorker && pgBoss) {
    lines.push(
      `Wake-up: graphile-worker is woken by LISTEN/NOTIFY (idle p50 ${formatMs(idle(graphileWorker)?.p50Ms)}); pg-boss polls ` +
        `(idle p50 ${formatMs(idle(pgBoss)?.p50Ms)}, p99 ${formatMs(idle(pgBoss)?.p99Ms)} at its minimum interval of 0.5 s).`,
    );
    const best = (queue: RawQueueFigures) => Math.max(...queue.drains.map((drain) => drain.perSecond ?? 0));
    lines.push(
      `Draining a backlog: graphile-worker up to ${formatRate(best(graphileWorker))}/s, pg-boss up to ${formatRate(best(pgBoss))}/s; ` +
        'pg-boss takes at most one batch per worker per polling interval, so without a large batchSize it cannot keep up with a steady stream.',
    );
  }
  if ('error' in run.platform) {
    lines.push(`The platform was not measured: ${run.platform.error}.`);
  } else {
    const reference = rawReference(run);
    const main = run.platform.modes[0];
    if (main?.sustained.perSecond && reference) {
      lines.push(
        `The platform delivers ${formatRate(main.sustained.perSecond)}/s against raw graphile-worker's ${formatRate(reference)}/s with the same settings ` +
          '(each publish is a Prisma interactive transaction writing one outbox row; each delivery opens one more, for the listener).',
      );
    }
  }
  return lines;
}

/** The whole docs section, generated on every run. */
export function eventsSection(run: EventsRun): string {
  const platform = 'error' in run.platform ? undefined : run.platform;
  const { sizes } = run;
  const machine = `${run.host.cpu}, ${run.host.cores} cores, ${run.host.memory}, Node ${run.host.node}, ${run.postgres}`;
  return [
    EVENTS_SECTION_HEADING,
    '',
    '<!-- Written by `npm run bench:events` (bench/events.bench.ts) on every run; edits here are overwritten (the text is in bench/events/events-report.ts). -->',
    '',
    `Run on ${run.date.toISOString().slice(0, 10)}${run.quick ? ' (`--quick`: fewer samples)' : ''}, ${Math.round(run.seconds)} s: ${machine}.`,
    `1-minute load average ${run.loadAverage.start.toFixed(2)} when the measurements began, ${run.loadAverage.end.toFixed(2)} when they ended` +
      (Math.max(run.loadAverage.start, run.loadAverage.end) > run.host.cores
        ? ': the machine was shared with other work, which lowers the rates and widens the spread.'
        : '.'),
    '',
    'The job queue under events, jobs and schedules (issue 22), measured in one run on loopback, everything in one',
    'process per side as one app instance would run it: enqueueing and a runner with a no-op task or listener. Each',
    'library in a schema of its own, dropped and created anew; the platform on the runtime role with its defaults',
    `(JOBS_CONCURRENCY ${platform?.concurrency ?? 4}; the listener with its own transaction once more at JOBS_CONCURRENCY 10, to see whether the runner's`,
    `concurrency is its limit). A latency is from the moment the enqueueing transaction's COMMIT returned to the`,
    `moment the handler started. **Idle**: ${sizes.idleSamples} jobs one at a time, each 20 ms plus a random pause after the previous one`,
    `started (the pause spans pg-boss's polling interval). **At ${LOAD_RATE_PER_S}/s**: one job every ${1000 / LOAD_RATE_PER_S} ms for ${sizes.loadMs / 1000} s, each in its own`,
    `transaction, then ${sizes.settleMs / 1000} s for the last ones. **Publish-and-deliver**: ${whole(sizes.sustainedEvents)} jobs or events, one per transaction, from 8`,
    'concurrent senders as fast as they go while the runner delivers: **sent/s** from the first send to the last commit,',
    '**deliveries/s** from the first send to the last delivery (when the two are close, enqueueing is the limit).',
    `**Drain**: ${whole(sizes.drainJobs)} jobs queued first, then the runner started; from the first to the last delivery, at most`,
    `${sizes.drainCapMs / 1000} s. Latency and publish-and-deliver at concurrency ${LATENCY_CONCURRENCY}. pg-boss 10 has no concurrency setting: its`,
    'concurrency is the number of `work()` polling loops, each taking up to `batchSize` jobs per poll and waiting for the next poll.',
    '',
    '**Enqueueing** (no runner):',
    '',
    enqueueTable(run.raw),
    '',
    '**Draining a backlog**:',
    '',
    drainTable(run.raw),
    '',
    `**Latency and publish-and-deliver**, concurrency ${LATENCY_CONCURRENCY}:`,
    '',
    latencyTable(run.raw, platform),
    '',
    ...(platform
      ? [
          `**What publishing adds to a request**: the same write transaction (Prisma interactive transaction, one INSERT)`,
          `without and with one publish, and with one more statement instead (what any extra round trip costs), one at a time,`,
          `${whole(platform.publishCost.ops)} of each in rotating blocks after a warm-up;`,
          'first graphile-worker’s add_jobs called in SQL on node-postgres (what publishing would cost by enqueueing directly; the platform writes an outbox row instead), then the',
          'platform in an instance without a runner (the request’s own cost), then with the runner delivering each published event',
          'on the same two cores:',
          '',
          publishCostTable(platform),
          '',
        ]
      : []),
    '**Targets** (the platform, listener in its own transaction):',
    '',
    targetsTable(targetRows(run)),
    '',
    ...readingLines(run).map((line) => `- ${line}`),
  ].join('\n');
}
