import { loadavg } from 'node:os';
import type { Teardown } from '../load/teardown';
import { describeHost } from '../test-setup/machine';
import { EventsDatabase } from './events-database';
import type { EventsBenchOptions } from './events-options';
import type { EventsRun } from './events-report';
import { GraphileWorkerSubject } from './graphile-worker-subject';
import { PgBossSubject } from './pg-boss-subject';
import { runPlatformMeasurements } from './platform-run';
import { Sequence } from './queue-measurements';
import { GRAPHILE_WORKER_PLAN, measureRawQueue, PG_BOSS_PLAN, RawQueueFigures } from './raw-queues';

/** The raw graphile-worker settings the platform's runner uses (src/platform/jobs/): the ratio compares like with like. */
export const PLATFORM_SETTINGS_LABEL = GRAPHILE_WORKER_PLAN.platform!;

export interface EventsBenchContext {
  projectRoot: string;
  teardown: Teardown;
  signal: AbortSignal;
  log: (line: string) => void;
}

/**
 * The bench's own PostgreSQL under .data/bench-events (migrated as the
 * app's; fsync off, see EventsDatabase), then graphile-worker raw, pg-boss raw and the platform, one
 * after the other, so they never compete for the two cores.
 */
export async function runEventsBench(options: EventsBenchOptions, context: EventsBenchContext): Promise<EventsRun> {
  const { signal } = context;
  // The measurements do not look at the signal: an interrupt abandons them, and the caller's teardown stops the cluster.
  return new Promise<EventsRun>((resolve, reject) => {
    if (signal.aborted) return reject(new Error('interrupted'));
    signal.addEventListener('abort', () => reject(new Error('interrupted')), { once: true });
    measureAll(options, context).then(resolve, reject);
  });
}

async function measureAll(options: EventsBenchOptions, context: EventsBenchContext): Promise<EventsRun> {
  const { projectRoot, teardown, signal } = context;
  const started = performance.now();
  const log = (line: string) => context.log(`[${((performance.now() - started) / 1000).toFixed(0).padStart(3)} s] ${line}`);
  const database = await EventsDatabase.start(projectRoot, log);
  teardown.add(database);
  const postgres = await database.describe();
  const loadStart = loadavg()[0];
  const sequence = new Sequence();
  const raw: RawQueueFigures[] = [];

  const graphileWorker = await GraphileWorkerSubject.create(database.ownerUrl, 'bench_graphile_worker');
  try {
    raw.push(await measureRawQueue(graphileWorker, GRAPHILE_WORKER_PLAN, options.sizes, sequence, log));
  } finally {
    await graphileWorker.close();
  }
  if (signal.aborted) throw new Error('interrupted');

  const pgBoss = await PgBossSubject.create(database.ownerUrl, 'bench_pg_boss', log);
  try {
    raw.push(await measureRawQueue(pgBoss, PG_BOSS_PLAN, options.sizes, sequence, log));
  } finally {
    await pgBoss.close();
  }
  if (signal.aborted) throw new Error('interrupted');

  let platform: EventsRun['platform'];
  try {
    platform = await runPlatformMeasurements(database, options.sizes, projectRoot, signal);
  } catch (error) {
    if (signal.aborted) throw error;
    platform = { error: (error as Error).message };
    log(`the platform was not measured: ${platform.error}`);
  }
  return {
    date: new Date(),
    host: describeHost(),
    postgres,
    loadAverage: { start: loadStart, end: loadavg()[0] },
    quick: options.quick,
    sizes: options.sizes,
    seconds: (performance.now() - started) / 1000,
    raw,
    platform,
    platformSettingsLabel: PLATFORM_SETTINGS_LABEL,
  };
}
