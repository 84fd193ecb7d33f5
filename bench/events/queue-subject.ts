/**
 * One way to enqueue and run no-op jobs (a raw queue library, or the
 * platform), as the measurements in queue-measurements.ts drive it. Jobs
 * carry a sequence number; the worker reports the moment each handler starts.
 */
export interface QueueSubject {
  /** e.g. `graphile-worker 0.17.3` */
  name: string;
  /** One job, in a transaction of its own; resolves once committed. */
  enqueueOne(seq: number): Promise<void>;
  /** Many jobs in one statement (one transaction). */
  enqueueBatch(seqs: readonly number[]): Promise<void>;
  /** Starts workers with `settings`; each handler calls `onStart(seq)` first. Resolves to a stop function. */
  startWorkers(settings: WorkerSettings, onStart: (seq: number) => void): Promise<() => Promise<void>>;
  /** Removes every job still queued (between measurements). */
  clear(): Promise<void>;
  close(): Promise<void>;
}

export interface WorkerSettings {
  /** Label in the tables, e.g. `defaults` or `localQueue 50, completeJobBatchDelay 0`. */
  label: string;
  concurrency: number;
  /**
   * `defaults`: the library's own. `batching`: what it offers for throughput (graphile-worker's localQueue and
   * completeJobBatchDelay, pg-boss's batchSize). `platform`: graphile-worker as the platform's runner sets it up.
   */
  variant: SettingsVariant;
}

export type SettingsVariant = 'defaults' | 'platform' | 'batching';
