import { UsageError } from '../errors/usage.error';

/** How much each measurement does: the full run (about 4 minutes) or `--quick` (about half). */
export interface EventsBenchSizes {
  /** Jobs enqueued one at a time, each in its own transaction. */
  singleInserts: number;
  /** Batches of {@link EventsBenchSizes.batchSize} enqueued in one statement each. */
  batches: number;
  batchSize: number;
  /** Jobs queued before a drain starts. */
  drainJobs: number;
  /** A drain stops counting after this long (pg-boss with one job per fetch never empties a backlog in time). */
  drainCapMs: number;
  /** Idle latency: one job at a time, each after the previous one started. */
  idleSamples: number;
  /** Latency under load: jobs at {@link LOAD_RATE_PER_S} for this long. */
  loadMs: number;
  /** After the last job under load, how long to wait for the stragglers before counting them as not delivered. */
  settleMs: number;
  /** Platform throughput: events published (one transaction each) as fast as the publishers go. */
  sustainedEvents: number;
  /** Publish cost: write transactions per variant, in alternating blocks. */
  publishCostOps: number;
}

export const LOAD_RATE_PER_S = 200;

export interface EventsBenchOptions {
  quick: boolean;
  sizes: EventsBenchSizes;
}

export const FULL_SIZES: EventsBenchSizes = {
  singleInserts: 2000,
  batches: 50,
  batchSize: 100,
  drainJobs: 5000,
  drainCapMs: 8000,
  idleSamples: 50,
  loadMs: 5000,
  settleMs: 5000,
  sustainedEvents: 5000,
  publishCostOps: 1000,
};

export const QUICK_SIZES: EventsBenchSizes = {
  singleInserts: 500,
  batches: 20,
  batchSize: 100,
  drainJobs: 2000,
  drainCapMs: 4000,
  idleSamples: 20,
  loadMs: 2000,
  settleMs: 3000,
  sustainedEvents: 2000,
  publishCostOps: 300,
};

const USAGE = 'usage: npm run bench:events [-- --quick]';

/** Nothing (the full run) or `--quick` (fewer samples, about half the time, for a check that the bench works). */
export function parseEventsBenchOptions(args: readonly string[]): EventsBenchOptions {
  let quick = false;
  for (const arg of args) {
    if (arg === '--quick') quick = true;
    else throw new UsageError(`unknown argument ${arg}; ${USAGE}`);
  }
  return { quick, sizes: quick ? QUICK_SIZES : FULL_SIZES };
}
