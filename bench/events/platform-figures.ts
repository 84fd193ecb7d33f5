import type { LatencyFigure, SustainedFigure } from './queue-measurements';

/** One way of listening: in the delivery's own transaction, or `{ transaction: false }`. */
export interface PlatformModeFigures {
  label: string;
  /** Not measured for the third mode (a higher JOBS_CONCURRENCY does not change an idle delivery). */
  idle?: LatencyFigure;
  atRate: LatencyFigure;
  sustained: SustainedFigure;
}

/** Per write transaction, without and with one publish in it. */
export interface PublishCostPair {
  without: { p50Ms: number; p99Ms: number };
  /** With one more statement (`SELECT 1`) instead: the floor of anything a publish could add. */
  withStatement: { p50Ms: number; p99Ms: number };
  with: { p50Ms: number; p99Ms: number };
}

export interface PublishCost {
  /** Write transactions of each kind, per pair. */
  ops: number;
  /** node-postgres, no Prisma, graphile-worker's add_jobs called in SQL as the publisher calls it: the library's own share. */
  raw: PublishCostPair;
  /** No runner in the process (JOBS_CONCURRENCY=0): what the request itself pays. */
  alone: PublishCostPair;
  /** The runner delivering each published event meanwhile, on the same cores. */
  delivering: PublishCostPair;
}

/** What the platform's child process measures: all but the raw publish cost, which the parent adds. */
export type PlatformChildFigures = Omit<PlatformFigures, 'publishCost'> & { publishCost: Omit<PublishCost, 'raw'> };

export interface PlatformFigures {
  /** The runner's concurrency (JOBS_CONCURRENCY's default). */
  concurrency: number;
  /** In the own transaction (default), `{ transaction: false }`, in the own transaction with JOBS_CONCURRENCY 10. */
  modes: PlatformModeFigures[];
  publishCost: PublishCost;
}

/** The table the publish-cost measurement writes to, as a request's change would (created and dropped by platform-run.ts). */
export const WRITE_TABLE = 'bench_events_write';
