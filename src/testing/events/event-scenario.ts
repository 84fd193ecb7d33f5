import { type INestApplication, Logger } from '@nestjs/common';
import { runOnce, type TaskList } from 'graphile-worker';
import type { DeliveredEvent, EventEnvelope } from '../../platform/events/delivered-event';
import { relayOutbox } from '../../platform/events/event-outbox';
import type { EventType } from '../../platform/events/event-type';
import { DEAD_LETTERED, isDeadLettered } from '../../platform/jobs/dead-letter';
import { JOBS_CONFIG, type JobsConfig } from '../../platform/jobs/jobs-config';
import { JOBS_DATABASE, type JobsDatabase, quoted } from '../../platform/jobs/jobs-database';
import { JobMetrics } from '../../platform/jobs/job-metrics';
import { jobsLogger } from '../../platform/jobs/jobs-logger';
import { JobsRegistry } from '../../platform/jobs/jobs-registry';
import { queueSchemaFor } from '../../platform/jobs/queue-schema';
import { buildTaskList } from '../../platform/jobs/task-list';

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
  /** When record() was called: published() returns the events published from then on. */
  readonly since: Date;
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
  /** Enqueues the schedule's job for now and runs it (and whatever else is due); throws the run's error if it failed. */
  runSchedule(component: string, name: string): Promise<PendingJobsReport>;
  /** Jobs whose attempts reached their maximum: they never run again unless retried. */
  deadLetters(): Promise<DeadLetter[]>;
}

/** Enough rounds for any maxAttempts a test uses; a bound, so a job that re-enqueues itself forever cannot hang a test. */
const MAX_ROUNDS = 100;

const probeTask = (type: EventType<unknown>) => `probe:${type.key}`;

/**
 * Drives events, jobs and schedules of a started test server (jobs
 * 'manual', the default) in this process, without sleeping: see
 * docs/testing.md. The probe listeners of record() write a probe job per
 * event, which published() reads and runPendingJobs never runs.
 */
export function eventScenario(app: INestApplication): EventScenario {
  const registry = app.get(JobsRegistry);
  const database = app.get<JobsDatabase>(JOBS_DATABASE);
  const config = app.get<JobsConfig>(JOBS_CONFIG);
  const schema = queueSchemaFor(database.config.schema);
  const table = (name: string) => `${quoted(schema)}.${name}`;
  const recordings = new Map<string, RecordedEvents<unknown>>();
  const logger = new Logger('Jobs');
  // The app's: runs here are counted as the runner's are (metrics on: METRICS_PORT set).
  const metrics = app.get(JobMetrics);

  const taskNames = () => [
    ...registry.listeners.map((l) => l.task),
    ...registry.jobs.map((j) => j.task),
    ...registry.schedules.map((s) => s.task),
  ];

  /** The failures of the jobs run by the last runPendingJobs, by task (the schedule's, for runSchedule's message). */
  let failures: { task: string; message: string }[] = [];

  async function runRound(report: PendingJobsReport): Promise<void> {
    const tasks: TaskList = {};
    for (const [task, run] of Object.entries(buildTaskList(registry, database, logger, { metrics }))) {
      tasks[task] = async (payload, helpers) => {
        try {
          await run!(payload, helpers);
          report.ran += 1;
        } catch (error) {
          report.failed += 1;
          failures.push({ task: helpers.job.task_identifier, message: error instanceof Error ? error.message : String(error) });
          if (isDeadLettered(helpers.job)) report.deadLettered += 1;
          throw error;
        }
      };
    }
    if (Object.keys(tasks).length === 0) return;
    await runOnce({
      connectionString: config.databaseUrl,
      schema,
      noHandleSignals: true,
      logger: jobsLogger(logger, 'debug'),
      // Batched, completions and failures are written before runOnce resolves (unbatched, graphile-worker 0.17.3
      // fires them without waiting: a failed job could still be locked when the next round looks for retries).
      preset: { worker: { completeJobBatchDelay: 0, failJobBatchDelay: 0 } },
      taskList: tasks,
    });
  }

  /** What the outbox relay of a running instance does (manual mode has none): the committed events' deliveries become jobs. */
  async function relay(): Promise<number> {
    return relayOutbox(<T>(text: string) => database.$queryRawUnsafe<T[]>(text), schema);
  }

  async function retryableWaiting(): Promise<number> {
    const rows = await database.$queryRawUnsafe<{ id: string }[]>(
      `UPDATE ${table('_private_jobs')} AS j SET run_at = now()
       FROM ${table('_private_tasks')} AS t
       WHERE t.id = j.task_id AND t.identifier = ANY($1::text[]) AND j.locked_at IS NULL AND j.attempts > 0 AND NOT (${DEAD_LETTERED}) AND j.run_at > now()
       RETURNING j.id::text AS id`,
      taskNames(),
    );
    return rows.length;
  }

  const scenario: EventScenario = {
    record<P>(type: EventType<P>): RecordedEvents<P> {
      const existing = recordings.get(type.key);
      if (existing) return existing as RecordedEvents<P>;
      const recording: RecordedEvents<P> = { type, since: new Date() };
      recordings.set(type.key, recording);
      registry.addProbe({
        id: `probe.${type.key}`,
        component: type.component,
        event: type,
        task: probeTask(type),
        maxAttempts: 1,
        transaction: false,
        run: () => Promise.resolve(),
      });
      return recording;
    },

    async published<P>(type: EventType<P>): Promise<DeliveredEvent<P>[]> {
      const recording = recordings.get(type.key);
      if (!recording) {
        throw new Error(
          `published(${type.key}): call scenario.record(${type.name}) before the stimulus; only events published after it are recorded`,
        );
      }
      await relay();
      const rows = await database.$queryRawUnsafe<{ payload: EventEnvelope }[]>(
        `SELECT j.payload FROM ${table('_private_jobs')} AS j JOIN ${table('_private_tasks')} AS t ON t.id = j.task_id
         WHERE t.identifier = $1 ORDER BY j.id`,
        probeTask(type),
      );
      return rows
        .map(({ payload }) => ({ ...payload, payload: payload.payload as P, publishedAt: new Date(payload.publishedAt), attempt: 1 }))
        .filter((event) => event.publishedAt >= recording.since);
    },

    async runPendingJobs({ includeRetries = false } = {}): Promise<PendingJobsReport> {
      const report: PendingJobsReport = { ran: 0, failed: 0, deadLettered: 0 };
      failures = [];
      await relay();
      for (let round = 0; round < MAX_ROUNDS; round += 1) {
        await runRound(report);
        // Events the jobs just published, and (includeRetries) failed jobs waiting for their retry, run in another round.
        const published = await relay();
        const retries = includeRetries ? await retryableWaiting() : 0;
        if (published === 0 && retries === 0) return report;
      }
      throw new Error(`runPendingJobs: jobs were still due after ${MAX_ROUNDS} rounds; does a job keep enqueueing itself?`);
    },

    async runSchedule(component: string, name: string): Promise<PendingJobsReport> {
      const schedule = registry.schedules.find((candidate) => candidate.component === component && candidate.name === name);
      if (!schedule) {
        const known = registry.schedules.map((candidate) => `${candidate.component}/${candidate.name}`).join(', ') || 'none';
        throw new Error(`runSchedule: this app has no schedule ${component}/${name} (schedules: ${known})`);
      }
      await database.$executeRawUnsafe(
        `SELECT 1 FROM ${quoted(schema)}.add_job(identifier => $1::text, payload => json_build_object('_cron', json_build_object('ts', now())))`,
        schedule.task,
      );
      const report = await scenario.runPendingJobs();
      const failure = failures.find((candidate) => candidate.task === schedule.task);
      if (failure) throw new Error(`runSchedule(${component}, ${name}): the run failed: ${failure.message}`, { cause: report });
      return report;
    },

    async deadLetters(): Promise<DeadLetter[]> {
      return database.$queryRawUnsafe<DeadLetter[]>(
        `SELECT j.id::text AS id, t.identifier AS task, j.attempts, j.last_error AS "lastError"
         FROM ${table('_private_jobs')} AS j JOIN ${table('_private_tasks')} AS t ON t.id = j.task_id
         WHERE ${DEAD_LETTERED} ORDER BY j.id`,
      );
    },
  };
  return scenario;
}
