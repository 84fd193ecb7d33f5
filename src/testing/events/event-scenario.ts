import type { INestApplication } from '@nestjs/common';
import type { DeliveredEvent } from '../../platform/events/delivered-event';
import type { EventType } from '../../platform/events/event-type';

/** What runPendingJobs did. */
export interface PendingJobsReport {
  /** Job runs that succeeded. */
  ran: number;
  /** Job runs that failed (each run of a job counts once). */
  failed: number;
  /** Jobs that failed their last allowed attempt during this call. */
  deadLettered: number;
}

export interface DeadLetter {
  id: string;
  task: string;
  attempts: number;
  lastError: string | null;
}

export interface RecordedEvents<P> {
  readonly type: EventType<P>;
}

export interface EventScenario {
  /** Before the stimulus: records every `type` event committed from now on (a probe listener). */
  record<P>(type: EventType<P>): RecordedEvents<P>;
  /** The `type` events committed since record(type), oldest first. */
  published<P>(type: EventType<P>): Promise<DeliveredEvent<P>[]>;
  /**
   * Runs every due job in this process until none is due (deliveries, jobs,
   * schedule runs). `includeRetries`: failed jobs waiting for their retry run
   * now, again until none is due (so an always-failing one ends dead-lettered).
   */
  runPendingJobs(options?: { includeRetries?: boolean }): Promise<PendingJobsReport>;
  /** Enqueues the schedule's job for now and runs it (and whatever else is due). */
  runSchedule(component: string, name: string): Promise<PendingJobsReport>;
  /** Jobs whose attempts reached their maximum: they never run again unless retried. */
  deadLetters(): Promise<DeadLetter[]>;
}

/**
 * Drives events, jobs and schedules of a started test server (jobs
 * 'manual', the default) without sleeping: see docs/testing.md.
 */
export function eventScenario(app: INestApplication): EventScenario {
  void app;
  throw new Error('eventScenario: not built yet');
}
