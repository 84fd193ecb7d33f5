import { FULL_SIZES } from './events-options';
import {
  drainTable,
  EVENTS_SECTION_HEADING,
  eventsSection,
  EventsRun,
  formatMs,
  latencyTable,
  publishCostTable,
  targetRows,
} from './events-report';
import type { PlatformFigures } from './platform-figures';
import type { RawQueueFigures } from './raw-queues';

const plain = { label: 'defaults', concurrency: 4, variant: 'defaults' as const };
const batched = { label: 'localQueue 50', concurrency: 4, variant: 'batching' as const };
const latency = (p50Ms: number, p99Ms: number, delivered = 100) => ({ sent: 100, delivered, p50Ms, p99Ms, maxMs: p99Ms + 1 });

const graphileWorker: RawQueueFigures = {
  name: 'graphile-worker 0.17.3',
  enqueueSinglePerS: 1500.4,
  enqueueBatchPerS: 20000,
  batchSize: 100,
  drains: [
    { settings: plain, queued: 5000, delivered: 5000, perSecond: 1200, capped: false },
    { settings: { ...plain, concurrency: 10 }, queued: 5000, delivered: 5000, perSecond: 1100, capped: false },
  ],
  latencies: [
    {
      settings: plain,
      idle: latency(3, 9),
      atRate: latency(4, 20),
      sustained: { sent: 5000, sentPerSecond: 1500, delivered: 5000, perSecond: 1000, capped: false },
    },
    {
      settings: batched,
      idle: latency(2, 8),
      atRate: latency(3, 15),
      sustained: { sent: 5000, sentPerSecond: 1500, delivered: 5000, perSecond: 1400, capped: false },
    },
  ],
};

const pgBoss: RawQueueFigures = {
  name: 'pg-boss 10.3.3',
  enqueueSinglePerS: 900,
  enqueueBatchPerS: 10000,
  batchSize: 100,
  drains: [
    {
      settings: { label: 'batchSize 1', concurrency: 4, variant: 'defaults' as const },
      queued: 5000,
      delivered: 64,
      perSecond: 8.2,
      capped: true,
    },
  ],
  latencies: [
    {
      settings: { label: 'batchSize 1', concurrency: 4, variant: 'defaults' as const },
      idle: latency(250, 495),
      atRate: latency(2600, 4800, 40),
      sustained: { sent: 5000, sentPerSecond: 1500, delivered: 0, capped: true },
    },
  ],
};

const platform: PlatformFigures = {
  concurrency: 4,
  modes: [
    {
      label: 'in its own transaction',
      idle: latency(6, 30),
      atRate: latency(7, 60),
      sustained: { sent: 5000, sentPerSecond: 1500, delivered: 5000, perSecond: 800, capped: false },
    },
    {
      label: '{ transaction: false }',
      idle: latency(5, 25),
      atRate: latency(6, 50),
      sustained: { sent: 5000, sentPerSecond: 1500, delivered: 5000, perSecond: 900, capped: false },
    },
    {
      label: 'listener in its own transaction, JOBS_CONCURRENCY 10',
      atRate: latency(5, 40),
      sustained: { sent: 5000, sentPerSecond: 1500, delivered: 5000, perSecond: 1100, capped: false },
    },
  ],
  publishCost: {
    ops: 1000,
    raw: { without: { p50Ms: 0.3, p99Ms: 1 }, withStatement: { p50Ms: 0.35, p99Ms: 1.1 }, with: { p50Ms: 0.9, p99Ms: 2 } },
    alone: { without: { p50Ms: 1.2, p99Ms: 3 }, withStatement: { p50Ms: 1.3, p99Ms: 3.2 }, with: { p50Ms: 1.6, p99Ms: 4.5 } },
    delivering: { without: { p50Ms: 1.5, p99Ms: 6 }, withStatement: { p50Ms: 1.7, p99Ms: 6.5 }, with: { p50Ms: 2.7, p99Ms: 9 } },
  },
};

const run: EventsRun = {
  date: new Date('2026-12-07T07:00:00Z'),
  host: { cpu: 'AMD EPYC', cores: 2, memory: '23.5 GiB', node: 'v20.20.2' },
  postgres: 'PostgreSQL 15.18 (embedded, disposable: fsync off)',
  loadAverage: { start: 0.5, end: 1.5 },
  quick: false,
  sizes: FULL_SIZES,
  seconds: 201.4,
  raw: [graphileWorker, pgBoss],
  platform,
  platformSettingsLabel: 'defaults',
};

describe('formatMs', () => {
  it('keeps as many digits as a reader can use', () => {
    expect([formatMs(0.423), formatMs(6.34), formatMs(254.4), formatMs(2600), formatMs(undefined)]).toEqual([
      '0.42 ms',
      '6.3 ms',
      '254 ms',
      '2.6 s',
      '–',
    ]);
  });
});

describe('the tables', () => {
  it('say when a drain ran out of time, and how far it got', () => {
    expect(drainTable(run.raw)).toContain('| 8 (64 of 5,000 in the time allowed) |');
  });

  it('put the platform under the raw libraries, and say when jobs under load never arrived', () => {
    const lines = latencyTable(run.raw, platform).split('\n');
    expect(lines[2]).toMatch(
      /^\| graphile-worker 0\.17\.3 \| defaults +\| 3\.0 ms +\| 9\.0 ms +\| 4\.0 ms +\| 20\.0 ms +\| 100 of 100 +\| 1,500 +\| 1,000 /,
    );
    expect(lines[4]).toContain('| 4.8 s of those delivered |');
    expect(lines[4]).toContain('| 40 of 100 ');
    expect(lines[4]).toMatch(/\| – \(0 of 5,000 delivered\) +\|$/);
    expect(lines.slice(5).map((line) => line.split('|')[1].trim())).toEqual(['the platform', 'the platform', 'the platform']);
    expect(lines[7]).toMatch(/JOBS_CONCURRENCY 10 +\| – +\| – +\| 5\.0 ms /);
  });

  it('give what a publish adds as the difference of the medians and of the p99s: raw, alone and with the runner delivering', () => {
    const added = publishCostTable(platform)
      .split('\n')
      .filter((line) => line.includes('added by the publish'));
    expect(added[0]).toMatch(
      /^\| node-postgres, add_jobs in SQL \(no platform, no Prisma\) +\| \*\*added by the publish\*\* +\| 0\.60 ms \| 1\.0 ms +\|$/,
    );
    expect(added[1]).toMatch(/^\| no runner \(JOBS_CONCURRENCY=0\) +\| \*\*added by the publish\*\* +\| 0\.40 ms \| 1\.5 ms \|$/);
    expect(added[2]).toMatch(/^\| runner delivering \(JOBS_CONCURRENCY 4\) +\| \*\*added by the publish\*\* +\| 1\.2 ms +\| 3\.0 ms \|$/);
  });
});

describe('targetRows', () => {
  it('judges the default listener mode against each target, dividing by raw graphile-worker with the same settings', () => {
    const rows = targetRows(run);
    expect(rows.map((row) => row.met)).toEqual([true, true, false, true, true]);
    expect(rows[2].figure).toBe('800/s; { transaction: false }: 900/s; JOBS_CONCURRENCY 10: 1,100/s');
    expect(rows[3].figure).toBe('0.80× (800 ÷ 1,000); { transaction: false }: 0.90×');
    expect(rows[4].figure).toBe(
      '0.40 ms at the median, 1.5 ms at p99 (add_jobs alone, node-postgres: 0.60 ms; with the runner delivering meanwhile: 1.2 ms)',
    );
  });

  it('counts a throughput that did not deliver everything as missed', () => {
    const capped = {
      ...platform,
      modes: [{ ...platform.modes[0], sustained: { sent: 5000, sentPerSecond: 1500, delivered: 4000, perSecond: 1200, capped: true } }],
    };
    expect(targetRows({ ...run, platform: capped })[2].met).toBe(false);
  });

  it('says not measured for every target when the platform could not be measured', () => {
    const rows = targetRows({ ...run, platform: { error: 'no delivery' } });
    expect(rows.every((row) => row.met === undefined && row.figure === 'not measured')).toBe(true);
  });
});

describe('eventsSection', () => {
  it('starts with its heading, says it is generated, and names the machine and the date', () => {
    const section = eventsSection(run);
    expect(section.split('\n')[0]).toBe(EVENTS_SECTION_HEADING);
    expect(section).toContain('edits here are overwritten');
    expect(section).toContain(
      'Run on 2026-12-07, 201 s: AMD EPYC, 2 cores, 23.5 GiB, Node v20.20.2, PostgreSQL 15.18 (embedded, disposable: fsync off).',
    );
  });

  it('says why the platform has no figures when it could not be measured', () => {
    expect(eventsSection({ ...run, platform: { error: 'no delivery within 15 s' } })).toContain(
      'The platform was not measured: no delivery within 15 s.',
    );
  });
});
