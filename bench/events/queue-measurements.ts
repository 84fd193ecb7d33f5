import { setTimeout as sleep } from 'node:timers/promises';
import { DeliveryLog } from './delivery-log';
import { deliveryRate, LatencySummary, perSecond, summariseLatencies } from './latency-stats';
import type { QueueSubject, WorkerSettings } from './queue-subject';

/** Sequence numbers, unique across the whole run, so a late job of one measurement never counts in the next. */
export class Sequence {
  private last = 0;

  next(): number {
    return ++this.last;
  }

  take(count: number): number[] {
    return Array.from({ length: count }, () => this.next());
  }
}

/** How long one idle job may take before the measurement gives up on it (pg-boss polls every 0.5 s at best). */
const IDLE_JOB_TIMEOUT_MS = 5000;
/** Pause between idle jobs, after the previous one started: the queue is empty and the workers wait. */
const IDLE_GAP_MS = 20;
const WARM_UP_JOBS = 5;

/** Jobs per second enqueued one at a time, each its own transaction, one after the other on one connection. */
export async function enqueueOneByOne(subject: QueueSubject, sequence: Sequence, count: number): Promise<number> {
  const started = performance.now();
  for (let i = 0; i < count; i++) await subject.enqueueOne(sequence.next());
  const rate = perSecond(count, performance.now() - started);
  await subject.clear();
  return rate;
}

/** Jobs per second enqueued `size` per statement. */
export async function enqueueInBatches(subject: QueueSubject, sequence: Sequence, batches: number, size: number): Promise<number> {
  const started = performance.now();
  for (let i = 0; i < batches; i++) await subject.enqueueBatch(sequence.take(size));
  const rate = perSecond(batches * size, performance.now() - started);
  await subject.clear();
  return rate;
}

export interface DrainFigure {
  settings: WorkerSettings;
  queued: number;
  delivered: number;
  /** Between the first and the last delivery; undefined with fewer than two. */
  perSecond?: number;
  /** True when the backlog was not empty after the cap. */
  capped: boolean;
}

/** Queues `count` jobs (untimed), then starts the workers and counts deliveries until all ran or `capMs` passed. */
export async function drain(
  subject: QueueSubject,
  sequence: Sequence,
  settings: WorkerSettings,
  count: number,
  capMs: number,
): Promise<DrainFigure> {
  const seqs = sequence.take(count);
  for (let i = 0; i < seqs.length; i += 500) await subject.enqueueBatch(seqs.slice(i, i + 500));
  const log = new DeliveryLog(seqs[0]);
  const stop = await subject.startWorkers(settings, (seq) => log.record(seq));
  try {
    const all = await log.waitForCount(count, capMs);
    return { settings, queued: count, delivered: log.count, perSecond: deliveryRate([...log.startedAt.values()]), capped: !all };
  } finally {
    await stop();
    await subject.clear();
  }
}

export interface LatencyFigure extends LatencySummary {
  /** What the sender achieved (jobs committed per second); undefined for the idle measurement. */
  sentPerSecond?: number;
}

/**
 * Commit-to-handler-start latency with an empty queue: one job at a time,
 * each enqueued {@link IDLE_GAP_MS} plus a random part of `jitterMs` after
 * the previous one started. A polling queue needs a jitter as long as its
 * polling interval: with a fixed gap every job would arrive at the same
 * point of the polling cycle. `log` must already receive the deliveries.
 */
export async function idleLatency(
  enqueueOne: (seq: number) => Promise<void>,
  log: DeliveryLog,
  sequence: Sequence,
  samples: number,
  jitterMs: number,
): Promise<LatencyFigure> {
  const latencies: number[] = [];
  for (let i = 0; i < WARM_UP_JOBS + samples; i++) {
    const seq = sequence.next();
    await enqueueOne(seq);
    const committed = performance.now();
    if (await log.waitForSeq(seq, IDLE_JOB_TIMEOUT_MS)) {
      if (i >= WARM_UP_JOBS) latencies.push(log.startedAt.get(seq)! - committed);
    } else if (i >= WARM_UP_JOBS) {
      continue;
    }
    await sleep(IDLE_GAP_MS + Math.random() * jitterMs);
  }
  return summariseLatencies(latencies, samples);
}

/**
 * Commit-to-handler-start latency with jobs arriving at `ratePerS`, each in
 * its own transaction, for `durationMs`; then waits up to `settleMs` for the
 * last ones. Sends overlap (they are not awaited one by one), as requests do.
 */
export async function latencyAtRate(
  enqueueOne: (seq: number) => Promise<void>,
  log: DeliveryLog,
  sequence: Sequence,
  ratePerS: number,
  durationMs: number,
  settleMs: number,
): Promise<LatencyFigure> {
  const count = Math.round((ratePerS * durationMs) / 1000);
  const committed = new Map<number, number>();
  const sends: Promise<void>[] = [];
  const seqs: number[] = [];
  const started = performance.now();
  for (let i = 0; i < count; i++) {
    const wait = started + (i * 1000) / ratePerS - performance.now();
    if (wait >= 1) await sleep(wait);
    const seq = sequence.next();
    seqs.push(seq);
    sends.push(enqueueOne(seq).then(() => void committed.set(seq, performance.now())));
  }
  await Promise.all(sends);
  const sentPerSecond = perSecond(count, performance.now() - started);
  const deadline = performance.now() + settleMs;
  for (const seq of seqs) {
    if (!(await log.waitForSeq(seq, Math.max(0, deadline - performance.now())))) break;
  }
  const latencies = seqs.filter((seq) => log.startedAt.has(seq)).map((seq) => log.startedAt.get(seq)! - committed.get(seq)!);
  return { ...summariseLatencies(latencies, count), sentPerSecond };
}

/** Starts workers, warms them up, runs `measure` with a log that receives their deliveries, then stops them and clears the queue. */
export async function withWorkers<T>(
  subject: QueueSubject,
  settings: WorkerSettings,
  sequence: Sequence,
  measure: (log: DeliveryLog) => Promise<T>,
): Promise<T> {
  const log = new DeliveryLog(sequence.next());
  const stop = await subject.startWorkers(settings, (seq) => log.record(seq));
  try {
    return await measure(log);
  } finally {
    await stop();
    await subject.clear();
  }
}

export interface SustainedFigure {
  sent: number;
  /** How fast the senders committed, from the first send to the last commit: when this is the lower figure, enqueueing is the limit. */
  sentPerSecond: number;
  delivered: number;
  /** Deliveries per second from the first send to the last delivery. */
  perSecond?: number;
  capped: boolean;
}

/** How many jobs are being enqueued at once in the sustained measurement, as concurrent requests would. */
export const SUSTAINED_SENDERS = 8;

/**
 * Publish-and-deliver: `count` jobs enqueued one per transaction by
 * {@link SUSTAINED_SENDERS} concurrent senders as fast as they go, while the
 * workers deliver; the rate is from the first send to the last delivery,
 * counting what arrived within `capMs` after the last send.
 */
export async function sustained(
  enqueueOne: (seq: number) => Promise<void>,
  log: DeliveryLog,
  sequence: Sequence,
  count: number,
  capMs: number,
): Promise<SustainedFigure> {
  const seqs = sequence.take(count);
  const delivered = () => seqs.filter((seq) => log.startedAt.has(seq));
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: SUSTAINED_SENDERS }, async () => {
      while (next < seqs.length) await enqueueOne(seqs[next++]);
    }),
  );
  const sentPerSecond = perSecond(count, performance.now() - started);
  let all = true;
  const deadline = performance.now() + capMs;
  for (const seq of seqs) {
    if (!(await log.waitForSeq(seq, Math.max(0, deadline - performance.now())))) {
      all = false;
      break;
    }
  }
  const arrived = delivered();
  const last = Math.max(...arrived.map((seq) => log.startedAt.get(seq)!));
  return {
    sent: count,
    sentPerSecond,
    delivered: arrived.length,
    perSecond: arrived.length > 0 && last > started ? perSecond(arrived.length, last - started) : undefined,
    capped: !all,
  };
}
