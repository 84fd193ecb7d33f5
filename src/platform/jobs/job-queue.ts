import { Inject, Injectable } from '@nestjs/common';
import { assertPlainJson } from '../events/plain-json';
import { JOBS_DATABASE, type JobsDatabase, quoted } from './jobs-database';
import type { JobType } from './job-type';
import { queueSchemaFor } from './queue-schema';
import { transactionClientOf, type TransactionLike } from './transaction-client';

export interface EnqueueOptions {
  /** Enqueue inside this transaction: the job exists only if it commits. */
  tx?: TransactionLike;
  /** Not before this time. */
  runAt?: Date;
  /** Not before this many milliseconds from now. */
  delayMs?: number;
  /** Dedupe: a pending job with the same key is replaced (payload and time) instead of added. */
  key?: string;
}

/** Enqueues a component's background jobs (defineJob), run by its `@HandlesJob` method. */
@Injectable()
export class JobQueue {
  private readonly schema: string;

  constructor(@Inject(JOBS_DATABASE) private readonly database: JobsDatabase) {
    this.schema = quoted(queueSchemaFor(database.config.schema));
  }

  async enqueue<P>(type: JobType<P>, payload: P, options: EnqueueOptions = {}): Promise<{ id: string }> {
    assertPlainJson(payload, 'payload', `enqueue ${type.component}/${type.name}`);
    const client = options.tx
      ? transactionClientOf(
          options.tx,
          `enqueue ${type.component}/${type.name} with { tx }: pass the client your $transaction callback receives, or leave tx out to enqueue at once`,
        )
      : this.database;
    const runAt = options.runAt ?? (options.delayMs !== undefined ? new Date(Date.now() + options.delayMs) : null);
    // eslint-disable-next-line no-restricted-syntax -- the queue schema (validated JOBS_SCHEMA) is an identifier, which cannot be a parameter; every value is a parameter
    const rows = await client.$queryRawUnsafe<{ id: string }[]>(
      `SELECT id::text AS id FROM ${this.schema}.add_job(identifier => $1::text, payload => $2::json, run_at => $3::timestamptz, max_attempts => $4::int, job_key => $5::text)`,
      type.task,
      JSON.stringify(payload),
      runAt?.toISOString() ?? null,
      type.maxAttempts,
      options.key ?? null,
    );
    return { id: rows[0].id };
  }
}
