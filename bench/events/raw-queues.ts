import { LOAD_RATE_PER_S, EventsBenchSizes } from './events-options';
import { GRAPHILE_WORKER_AS_THE_PLATFORM_LABEL, GRAPHILE_WORKER_BATCHING_LABEL } from './graphile-worker-subject';
import { PG_BOSS_BATCH_SIZE, PG_BOSS_POLLING_INTERVAL_S } from './pg-boss-subject';
import {
  DrainFigure,
  drain,
  enqueueInBatches,
  enqueueOneByOne,
  idleLatency,
  LatencyFigure,
  latencyAtRate,
  Sequence,
  sustained,
  SustainedFigure,
  withWorkers,
} from './queue-measurements';
import type { QueueSubject, SettingsVariant, WorkerSettings } from './queue-subject';

/** The concurrencies the drains run at: the platform's default (JOBS_CONCURRENCY 4) and 10. */
export const DRAIN_CONCURRENCIES = [4, 10] as const;
/** Latency is measured at the platform's default concurrency. */
export const LATENCY_CONCURRENCY = 4;

/** Random extra pause between idle jobs for a queue woken by NOTIFY (no polling cycle to spread over). */
export const IDLE_JITTER_MS = 30;

export interface RawQueuePlan {
  /** The settings without and with the library's batching, e.g. `defaults` and `localQueue 50, …`. */
  plain: string;
  batched: string;
  /** graphile-worker only: as the platform's runner sets it up (latency and publish-and-deliver; the ratio's reference). */
  platform?: string;
  /** Idle latency with batching too (graphile-worker's local queue changes how jobs are fetched; pg-boss's batch size does not change its polling). */
  idleWithBatching: boolean;
  /** Random extra pause between idle jobs, so they fall anywhere in a polling cycle (see idleLatency). */
  idleJitterMs: number;
}

export const GRAPHILE_WORKER_PLAN: RawQueuePlan = {
  platform: GRAPHILE_WORKER_AS_THE_PLATFORM_LABEL,
  plain: 'defaults',
  batched: GRAPHILE_WORKER_BATCHING_LABEL,
  idleWithBatching: true,
  idleJitterMs: IDLE_JITTER_MS,
};
export const PG_BOSS_PLAN: RawQueuePlan = {
  plain: `batchSize 1, polling every ${PG_BOSS_POLLING_INTERVAL_S} s`,
  batched: `batchSize ${PG_BOSS_BATCH_SIZE}, polling every ${PG_BOSS_POLLING_INTERVAL_S} s`,
  idleWithBatching: false,
  idleJitterMs: PG_BOSS_POLLING_INTERVAL_S * 1000,
};

export interface RawLatency {
  settings: WorkerSettings;
  idle?: LatencyFigure;
  atRate: LatencyFigure;
  sustained: SustainedFigure;
}

export interface RawQueueFigures {
  name: string;
  enqueueSinglePerS: number;
  enqueueBatchPerS: number;
  batchSize: number;
  drains: DrainFigure[];
  latencies: RawLatency[];
}

/** Everything the comparison measures of one library, in this order: enqueue, drains, latencies. */
export async function measureRawQueue(
  subject: QueueSubject,
  plan: RawQueuePlan,
  sizes: EventsBenchSizes,
  sequence: Sequence,
  log: (line: string) => void,
): Promise<RawQueueFigures> {
  log(`${subject.name}: enqueue ${sizes.singleInserts} one by one, ${sizes.batches} batches of ${sizes.batchSize} …`);
  const enqueueSinglePerS = await enqueueOneByOne(subject, sequence, sizes.singleInserts);
  const enqueueBatchPerS = await enqueueInBatches(subject, sequence, sizes.batches, sizes.batchSize);
  const drains: DrainFigure[] = [];
  const label = (variant: SettingsVariant) => ({ defaults: plan.plain, platform: plan.platform ?? '', batching: plan.batched })[variant];
  for (const variant of ['defaults', 'batching'] as const) {
    for (const concurrency of DRAIN_CONCURRENCIES) {
      const settings = { label: label(variant), concurrency, variant };
      log(`${subject.name}: drain ${sizes.drainJobs} queued jobs, ${settings.label}, concurrency ${concurrency} …`);
      drains.push(await drain(subject, sequence, settings, sizes.drainJobs, sizes.drainCapMs));
    }
  }
  const latencies: RawLatency[] = [];
  const variants: SettingsVariant[] = plan.platform ? ['defaults', 'platform', 'batching'] : ['defaults', 'batching'];
  for (const variant of variants) {
    const settings = { label: label(variant), concurrency: LATENCY_CONCURRENCY, variant };
    const enqueue = (seq: number) => subject.enqueueOne(seq);
    latencies.push(
      await withWorkers(subject, settings, sequence, async (deliveries) => {
        let idle: LatencyFigure | undefined;
        if (variant !== 'batching' || plan.idleWithBatching) {
          log(`${subject.name}: idle latency, ${settings.label}, ${sizes.idleSamples} jobs one at a time …`);
          idle = await idleLatency(enqueue, deliveries, sequence, sizes.idleSamples, plan.idleJitterMs);
        }
        log(`${subject.name}: latency at ${LOAD_RATE_PER_S} jobs/s for ${sizes.loadMs / 1000} s, ${settings.label} …`);
        const atRate = await latencyAtRate(enqueue, deliveries, sequence, LOAD_RATE_PER_S, sizes.loadMs, sizes.settleMs);
        // What a slow queue has not delivered yet would otherwise hold up the next measurement's jobs.
        await subject.clear();
        log(`${subject.name}: publish-and-deliver, ${sizes.sustainedEvents} jobs one per transaction, ${settings.label} …`);
        const throughput = await sustained(enqueue, deliveries, sequence, sizes.sustainedEvents, sizes.settleMs);
        return { settings, idle, atRate, sustained: throughput };
      }),
    );
  }
  return { name: subject.name, enqueueSinglePerS, enqueueBatchPerS, batchSize: sizes.batchSize, drains, latencies };
}
