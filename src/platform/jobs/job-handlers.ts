import type { DeliveredEvent } from '../events/delivered-event';
import type { EventType } from '../events/event-type';
import type { JobType, QueuedJob, ScheduledRun } from './job-type';
import type { TransactionClient } from './transaction-client';

/** A discovered `@OnEvent` method: one delivery task, `event:<component>.<Provider>.<method>`. */
export interface RegisteredListener {
  /** `<component>.<ProviderClass>.<method>` */
  id: string;
  component: string;
  event: EventType<unknown>;
  task: string;
  maxAttempts: number;
  transaction: boolean;
  run(event: DeliveredEvent<unknown>, tx?: TransactionClient): Promise<void>;
}

/** A discovered `@HandlesJob` method: task `job:<component>.<name>`. */
export interface RegisteredJob {
  id: string;
  component: string;
  job: JobType<unknown>;
  task: string;
  transaction: boolean;
  run(job: QueuedJob<unknown>, tx?: TransactionClient): Promise<void>;
}

/** A meta schedule with its `@OnSchedule` method: task and crontab identifier `schedule:<component>.<name>`. */
export interface RegisteredSchedule {
  id: string;
  component: string;
  name: string;
  cron: string;
  task: string;
  run(run: ScheduledRun): Promise<void>;
}

export const listenerTask = (listenerId: string): string => `event:${listenerId}`;
export const scheduleTask = (component: string, name: string): string => `schedule:${component}.${name}`;
