import type { LatencyFigure, SustainedFigure } from './queue-measurements';

/** One way of listening: in the delivery's own transaction, or `{ transaction: false }`. */
export interface PlatformModeFigures {
  label: string;
  idle: LatencyFigure;
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
  /** No runner in the process (JOBS_CONCURRENCY=0): what the request itself pays. */
  alone: PublishCostPair;
  /** The runner delivering each published event meanwhile, on the same cores. */
  delivering: PublishCostPair;
}

export interface PlatformFigures {
  /** The runner's concurrency (JOBS_CONCURRENCY's default). */
  concurrency: number;
  modes: PlatformModeFigures[];
  publishCost: PublishCost;
}

/** The table the publish-cost measurement writes to, as a request's change would (created and dropped by platform-run.ts). */
export const WRITE_TABLE = 'bench_events_write';
