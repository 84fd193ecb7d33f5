/**
 * The platform half of `npm run bench:events`, in a process of its own
 * (started by platform-run.ts with src/testing/process/typescript-sources.preload.cjs, so Nest
 * gets its decorator metadata): starts the platform with the bench
 * component on DATABASE_URL, measures, and prints its figures as JSON on
 * the last line of stdout. argv[2]: the sizes (JSON).
 */
import 'reflect-metadata';
import { setTimeout as sleep } from 'node:timers/promises';
import { type Ping, PingEvent, PingWithoutTransactionEvent, benchDeliveries } from './bench-events-component';
import { DeliveryLog } from './delivery-log';
import type { EventsBenchSizes } from './events-options';
import { LOAD_RATE_PER_S } from './events-options';
import { compareWriteCosts } from './publish-cost';
import { PlatformApp } from './platform-app';
import type { PlatformChildFigures, PlatformModeFigures, PublishCostPair } from './platform-figures';
import { idleLatency, type LatencyFigure, latencyAtRate, Sequence, sustained } from './queue-measurements';
import { IDLE_JITTER_MS } from './raw-queues';
import type { EventType } from '../../src/surface';

/** The runner's concurrency for the third measurement of the listener with its own transaction. */
const WIDER_CONCURRENCY = 10;
/** How long the first event may take to arrive before the platform is declared not delivering. */
const FIRST_DELIVERY_TIMEOUT_MS = 15_000;

const log = (line: string) => console.error(line);

async function measureMode(
  app: PlatformApp,
  type: EventType<Ping>,
  label: string,
  sizes: EventsBenchSizes,
  sequence: Sequence,
  { idle: measureIdle = true } = {},
): Promise<PlatformModeFigures> {
  const deliveries = new DeliveryLog(sequence.next());
  benchDeliveries.current = deliveries;
  const publish = (seq: number) => app.publish(type, seq);
  let idle: LatencyFigure | undefined;
  if (measureIdle) {
    log(`platform, ${label}: idle latency, ${sizes.idleSamples} events one at a time …`);
    idle = await idleLatency(publish, deliveries, sequence, sizes.idleSamples, IDLE_JITTER_MS);
  }
  log(`platform, ${label}: latency at ${LOAD_RATE_PER_S} events/s for ${sizes.loadMs / 1000} s …`);
  const atRate = await latencyAtRate(publish, deliveries, sequence, LOAD_RATE_PER_S, sizes.loadMs, sizes.settleMs);
  log(`platform, ${label}: publish-and-deliver, ${sizes.sustainedEvents} events one per transaction …`);
  const throughput = await sustained(publish, deliveries, sequence, sizes.sustainedEvents, sizes.settleMs);
  return { label, idle, atRate, sustained: throughput };
}

/** The write transaction alone, with one more statement, with one publish (see compareWriteCosts). */
function measurePublishCost(app: PlatformApp, ops: number, sequence: Sequence): Promise<PublishCostPair> {
  benchDeliveries.current = new DeliveryLog(sequence.next());
  return compareWriteCosts(
    (extra) =>
      app.write(sequence.next(), extra === 'publish' ? PingWithoutTransactionEvent : extra === 'statement' ? 'statement' : undefined),
    ops,
  );
}

async function main(): Promise<PlatformChildFigures> {
  const sizes = JSON.parse(process.argv[2]) as EventsBenchSizes;
  const sequence = new Sequence();
  // First without a runner (JOBS_CONCURRENCY=0, as an instance that only serves requests): the request's own cost.
  const publisher = await PlatformApp.start(process.env.DATABASE_URL!, { concurrency: 0 });
  let alone: PublishCostPair;
  try {
    log(`platform: publish cost without a runner, ${sizes.publishCostOps} write transactions with and without one publish …`);
    alone = await measurePublishCost(publisher, sizes.publishCostOps, sequence);
    await publisher.deleteQueuedJobs();
  } finally {
    await publisher.close();
  }
  const app = await PlatformApp.start(process.env.DATABASE_URL!);
  const { concurrency } = app;
  let modes: PlatformModeFigures[];
  let delivering: PublishCostPair;
  try {
    const probe = new DeliveryLog(sequence.next());
    benchDeliveries.current = probe;
    const first = sequence.next();
    await app.publish(PingEvent, first);
    if (!(await probe.waitForSeq(first, FIRST_DELIVERY_TIMEOUT_MS))) {
      throw new Error(
        `the platform delivered no event within ${FIRST_DELIVERY_TIMEOUT_MS / 1000} s of publishing one to bench-events/ping on the database under .data/bench-events: the job runner did not start or did not run the delivery; read its [Jobs] lines above`,
      );
    }
    modes = [
      await measureMode(app, PingEvent, 'listener in its own transaction (default)', sizes, sequence),
      await measureMode(app, PingWithoutTransactionEvent, '{ transaction: false }', sizes, sequence),
    ];
    log(`platform: publish cost while the runner delivers, ${sizes.publishCostOps} write transactions with and without one publish …`);
    delivering = await measurePublishCost(app, sizes.publishCostOps, sequence);
    await sleep(200);
  } finally {
    await app.close();
  }
  // Whether the listener's own transaction is bound by the runner's concurrency: the same with more at once.
  const wider = await PlatformApp.start(process.env.DATABASE_URL!, { concurrency: WIDER_CONCURRENCY });
  try {
    const label = `listener in its own transaction, JOBS_CONCURRENCY ${WIDER_CONCURRENCY}`;
    modes.push(await measureMode(wider, PingEvent, label, sizes, sequence, { idle: false }));
  } finally {
    await wider.close();
  }
  return { concurrency, modes, publishCost: { ops: sizes.publishCostOps, alone, delivering } };
}

main().then(
  (figures) => {
    console.log(JSON.stringify(figures));
    process.exit(0);
  },
  (error: Error) => {
    console.error(`platform measurement failed: ${error.stack ?? error.message}`);
    process.exit(1);
  },
);
