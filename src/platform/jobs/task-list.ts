import type { Logger } from '@nestjs/common';
import type { JobHelpers, Task, TaskList } from 'graphile-worker';
import type { EventEnvelope } from '../events/delivered-event';
import type { JobsDatabase } from './jobs-database';
import type { JobsRegistry } from './jobs-registry';
import type { TransactionClient } from './transaction-client';

/** In one transaction when asked: commits when `run` resolves, rolls back when it throws. */
async function within(database: JobsDatabase, transaction: boolean, run: (tx?: TransactionClient) => Promise<void>): Promise<void> {
  if (transaction) await database.$transaction((tx) => run(tx));
  else await run();
}

/**
 * The warning of a job's last allowed attempt: dead-lettered, it stays with
 * its error and never runs again unless retried.
 */
export function deadLetterWarning(jobId: string, what: string, attempts: number, error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return `job ${jobId} (${what}) failed ${attempts} times and will not run again: ${message}; retry it with \`npm run jobs -- retry ${jobId}\``;
}

function reportingDeadLetters(task: Task, what: string, logger: Logger): Task {
  return async (payload: unknown, helpers: JobHelpers) => {
    try {
      await task(payload, helpers);
    } catch (error) {
      const { id, attempts, max_attempts: maxAttempts } = helpers.job;
      if (attempts >= maxAttempts) logger.warn(deadLetterWarning(id, what, attempts, error));
      throw error;
    }
  };
}

/** graphile-worker's tasks for every registered listener, job and schedule. */
export function buildTaskList(registry: JobsRegistry, database: JobsDatabase, logger: Logger): TaskList {
  const tasks: TaskList = {};
  for (const listener of registry.listeners) {
    const { event: type } = listener;
    tasks[listener.task] = reportingDeadLetters(
      async (payload, helpers) => {
        const envelope = payload as EventEnvelope;
        const event = { ...envelope, publishedAt: new Date(envelope.publishedAt), attempt: helpers.job.attempts };
        await within(database, listener.transaction, (tx) => listener.run(event, tx));
      },
      `event ${type.component}/${type.name}@${type.version} to ${listener.id}`,
      logger,
    );
  }
  for (const handler of registry.jobs) {
    tasks[handler.task] = reportingDeadLetters(
      async (payload, helpers) => {
        const job = { id: helpers.job.id, payload, attempt: helpers.job.attempts, maxAttempts: helpers.job.max_attempts };
        await within(database, handler.transaction, (tx) => handler.run(job, tx));
      },
      `job ${handler.job.component}/${handler.job.name}`,
      logger,
    );
  }
  for (const schedule of registry.schedules) {
    tasks[schedule.task] = reportingDeadLetters(
      async (payload) => {
        const tick = (payload as { _cron?: { ts?: string } } | null)?._cron?.ts;
        await schedule.run({ name: schedule.name, scheduledAt: tick ? new Date(tick) : new Date() });
      },
      `schedule ${schedule.component}/${schedule.name}`,
      logger,
    );
  }
  return tasks;
}
