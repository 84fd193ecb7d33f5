import { SetMetadata } from '@nestjs/common';
import type { JobType, QueuedJob, ScheduledRun } from './job-type';
import type { TransactionClient } from './transaction-client';

export const JOB_HANDLER = 'platform:job-handler';
export const SCHEDULE_HANDLER = 'platform:schedule-handler';

export interface JobHandlerMetadata {
  job: JobType<unknown>;
  transaction: boolean;
}

export interface ScheduleHandlerMetadata {
  name: string;
}

type JobHandler<P> = (job: QueuedJob<P>, tx: TransactionClient) => Promise<void>;

/**
 * Marks the method that runs `job` (one per job, in the job's component).
 * Default: it gets the run's own transaction as second argument;
 * `{ transaction: false }` runs it without one.
 */
export function HandlesJob<P>(job: JobType<P>, options: { transaction?: boolean } = {}) {
  const metadata: JobHandlerMetadata = { job: job, transaction: options.transaction ?? true };
  return <M extends JobHandler<P>>(target: object, key: string | symbol, descriptor: TypedPropertyDescriptor<M>): void => {
    SetMetadata(JOB_HANDLER, metadata)(target, key, descriptor);
  };
}

/**
 * Marks the method that runs the schedule `name` of this component (declared
 * in component.meta.ts `schedules`); it runs once per cron tick across every
 * instance.
 */
export function OnSchedule(name: string) {
  const metadata: ScheduleHandlerMetadata = { name };
  return <M extends (run: ScheduledRun) => Promise<void>>(
    target: object,
    key: string | symbol,
    descriptor: TypedPropertyDescriptor<M>,
  ): void => {
    SetMetadata(SCHEDULE_HANDLER, metadata)(target, key, descriptor);
  };
}
