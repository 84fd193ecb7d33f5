import type { Logger } from '@nestjs/common';
import type { JobHelpers, Task, TaskList } from 'graphile-worker';
import type { EventEnvelope } from '../events/delivered-event';
import { inWorkSpan, linkTo } from '../observability/tracing/work-spans';
import { isDeadLettered, ONE_MORE_ATTEMPT } from './dead-letter';
import type { JobMetrics, RunSubject } from './job-metrics';
import { deadLetterWarning } from './dead-letter-warning';
import { type JobsDatabase, quoted } from './jobs-database';
import type { JobsRegistry } from './jobs-registry';
import type { TransactionClient } from './transaction-client';

export interface TaskListOptions {
  /**
   * Aborted when this instance stops taking jobs for good (the shutdown
   * deadline, JobRunnerService): a run still going is abandoned, its
   * transaction rolled back, and the job released to run again.
   */
  stopSignal?: AbortSignal;
  /** The queue schema, to keep a released job's last attempt (see `releaseOnAbort`). */
  schema?: string;
  /** Counts and times the runs (with metrics on), each in its component's scope (job-metrics.ts). */
  metrics?: JobMetrics;
}

/** Thrown into a run when its signal aborts: the reason, or a generic one. */
function abortError(signal: AbortSignal): Error {
  const reason: unknown = signal.reason;
  if (reason instanceof Error) return reason;
  return new Error(typeof reason === 'string' ? reason : 'the job runner stopped while this job ran; it runs again');
}

/**
 * `work` until it settles or `signal` aborts, whichever comes first; an
 * abandoned `work` may go on in the background (JavaScript cannot stop it),
 * but its outcome is ignored and, inside `within`, its transaction is rolled back.
 */
async function untilAborted<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) throw abortError(signal);
  let onAbort: (() => void) | undefined;
  const aborted = new Promise<never>((_resolve, reject) => {
    onAbort = () => reject(abortError(signal));
    signal.addEventListener('abort', onAbort, { once: true });
  });
  // The abandoned run's own failure (a closed transaction, say) is not this job's outcome any more.
  work.catch(() => undefined);
  try {
    return await Promise.race([work, aborted]);
  } finally {
    signal.removeEventListener('abort', onAbort!);
  }
}

/**
 * In one transaction when asked: commits when `run` resolves, rolls back when
 * it throws or `signal` aborts first (checked again right before the commit).
 */
async function within(
  database: JobsDatabase,
  transaction: boolean,
  signal: AbortSignal,
  run: (tx?: TransactionClient) => Promise<void>,
): Promise<void> {
  if (!transaction) return untilAborted(run(), signal);
  await database.$transaction(async (tx) => {
    await untilAborted(run(tx), signal);
    if (signal.aborted) throw abortError(signal);
  });
}

/** graphile-worker's signal (its own shutdown abort) and ours, as one. */
function stopSignalOf(helpers: JobHelpers, options: TaskListOptions): AbortSignal {
  const signals = [helpers.abortSignal, options.stopSignal].filter((signal): signal is AbortSignal => signal !== undefined);
  return signals.length === 1 ? signals[0] : AbortSignal.any(signals);
}

/**
 * A run abandoned at shutdown must not use up the job's last attempt (the
 * failure graphile-worker records next would dead-letter it without it ever
 * having failed by itself): one more attempt is allowed.
 */
async function releaseOnAbort(helpers: JobHelpers, schema: string | undefined): Promise<void> {
  if (!schema) return;
  await helpers.withPgClient((client) =>
    // eslint-disable-next-line no-restricted-syntax -- the queue schema is a quoted identifier and ONE_MORE_ATTEMPT a constant; the job id is $1
    client.query(`UPDATE ${quoted(schema)}._private_jobs SET ${ONE_MORE_ATTEMPT} WHERE id = $1::bigint`, [helpers.job.id]),
  );
}

type Run = (payload: unknown, helpers: JobHelpers, signal: AbortSignal) => Promise<void>;

function supervised(run: Run, what: string, logger: Logger, options: TaskListOptions, subject: RunSubject): Task {
  const observed = options.metrics?.observedRun(subject, run) ?? run;
  return async (payload: unknown, helpers: JobHelpers) => {
    const signal = stopSignalOf(helpers, options);
    try {
      await observed(payload, helpers, signal);
    } catch (error) {
      if (signal.aborted) {
        await releaseOnAbort(helpers, options.schema).catch((cause: unknown) =>
          logger.warn(`could not keep the last attempt of job ${helpers.job.id} (${what}) released at shutdown: ${String(cause)}`),
        );
        throw error;
      }
      if (isDeadLettered(helpers.job)) logger.warn(deadLetterWarning(helpers.job.id, what, helpers.job.attempts, error));
      throw error;
    }
  };
}

/** graphile-worker's tasks for every registered listener, job and schedule. */
export function buildTaskList(registry: JobsRegistry, database: JobsDatabase, logger: Logger, options: TaskListOptions = {}): TaskList {
  const tasks: TaskList = {};
  for (const listener of registry.listeners) {
    const { event: type } = listener;
    tasks[listener.task] = supervised(
      async (payload, helpers, signal) => {
        const { trace, ...envelope } = payload as EventEnvelope;
        const event = { ...envelope, publishedAt: new Date(envelope.publishedAt), attempt: helpers.job.attempts };
        await inWorkSpan(
          `deliver ${type.component}/${type.name} to ${listener.id}`,
          listener.component,
          { 'app.event.id': envelope.id, 'app.attempt': event.attempt },
          () => within(database, listener.transaction, signal, (tx) => listener.run(event, tx)),
          linkTo(trace),
        );
      },
      `event ${type.component}/${type.name}@${type.version} to ${listener.id}`,
      logger,
      options,
      { kind: 'delivery', component: listener.component, event: `${type.component}/${type.name}` },
    );
  }
  for (const handler of registry.jobs) {
    tasks[handler.task] = supervised(
      async (payload, helpers, signal) => {
        const job = { id: helpers.job.id, payload, attempt: helpers.job.attempts, maxAttempts: helpers.job.max_attempts };
        await inWorkSpan(`job ${handler.job.component}/${handler.job.name}`, handler.component, { 'app.attempt': job.attempt }, () =>
          within(database, handler.transaction, signal, (tx) => handler.run(job, tx)),
        );
      },
      `job ${handler.job.component}/${handler.job.name}`,
      logger,
      options,
      { kind: 'job', component: handler.job.component, job: handler.job.name },
    );
  }
  for (const schedule of registry.schedules) {
    tasks[schedule.task] = supervised(
      async (payload, _helpers, signal) => {
        const tick = (payload as { _cron?: { ts?: string } } | null)?._cron?.ts;
        await inWorkSpan(`job ${schedule.component}/${schedule.name}`, schedule.component, {}, () =>
          untilAborted(schedule.run({ name: schedule.name, scheduledAt: tick ? new Date(tick) : new Date() }), signal),
        );
      },
      `schedule ${schedule.component}/${schedule.name}`,
      logger,
      options,
      { kind: 'job', component: schedule.component, job: schedule.name },
    );
  }
  return tasks;
}
