import type { ClientBase } from 'pg';
import { DeadLetter, readDeadLetters } from './dead-letters';
import { JobsCommandError } from './jobs-command.error';
import { count, formatTime } from './report-format';

/**
 * Makes dead-lettered jobs due now with their attempts back at 0, in one
 * transaction: every id must be a dead-lettered job of this queue, else
 * nothing changes and the error says why for each id. `all` takes every
 * dead-lettered job. Returns the jobs it retried, as they were.
 *
 * Through graphile-worker's `reschedule_jobs` SQL function rather than
 * WorkerUtils.rescheduleJobs: in 0.17.3 that wrapper passes
 * `options.attempts || null`, so `attempts: 0` would keep the used-up count and
 * the job would stay dead.
 */
export async function retryDeadLetters(client: ClientBase, schema: string, jobs: 'all' | string[], where: string): Promise<DeadLetter[]> {
  const queue = client.escapeIdentifier(schema);
  await client.query('BEGIN');
  try {
    const targets = await readDeadLetters(client, schema, jobs === 'all' ? undefined : jobs);
    if (jobs !== 'all' && targets.length < jobs.length) {
      const found = new Set(targets.map((job) => job.id));
      const reasons = await whyNotDead(
        client,
        schema,
        jobs.filter((id) => !found.has(id)),
        where,
      );
      throw new JobsCommandError(
        `cannot retry: ${reasons.join('; ')}. Nothing was changed; \`npm run jobs -- failed\` lists the dead-lettered jobs`,
      );
    }
    if (targets.length > 0) {
      const ids = targets.map((job) => job.id);
      // eslint-disable-next-line no-restricted-syntax -- the queue schema is an identifier, which cannot be a parameter; the ids travel as $1
      const { rows } = await client.query(`SELECT id FROM ${queue}.reschedule_jobs($1::bigint[], run_at := now(), attempts := 0)`, [ids]);
      if (rows.length !== ids.length) throw new JobsCommandError(await whyNotRescheduled(client, schema, ids.length - rows.length, where));
      // Wakes idle workers at once instead of at their next poll, as add_job does.
      await client.query(`SELECT pg_notify('jobs:insert', $1)`, [JSON.stringify({ count: ids.length })]);
    }
    await client.query('COMMIT');
    return targets;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
}

async function whyNotRescheduled(client: ClientBase, schema: string, missed: number, where: string): Promise<string> {
  if (await queueRowsHidden(client, schema)) {
    const { rows } = await client.query<{ role: string }>('SELECT current_user AS role');
    return `cannot retry: row level security hides the rows of the job queue ${schema} in ${where} from the role ${rows[0].role}, so it can change no job (the schema was migrated without the policy that lets them through); run \`npm run jobs -- migrate\` once as the owner (MIGRATION_DATABASE_URL). Nothing was changed`;
  }
  return `cannot retry: ${count(missed, 'job')} changed meanwhile (taken by a worker?); nothing was changed, run the command again`;
}

async function whyNotDead(client: ClientBase, schema: string, ids: string[], where: string): Promise<string[]> {
  const { rows } = await client.query<
    Pick<DeadLetter, 'id' | 'task' | 'attempts' | 'maxAttempts'> & { lockedAt: Date | null; runAt: Date }
  >(
    // eslint-disable-next-line no-restricted-syntax -- the queue schema is an identifier, which cannot be a parameter; the ids travel as $1
    `SELECT id::text, task_identifier AS task, attempts, max_attempts AS "maxAttempts", locked_at AS "lockedAt", run_at AS "runAt"
       FROM ${client.escapeIdentifier(schema)}.jobs WHERE id = ANY($1::bigint[])`,
    [ids],
  );
  const byId = new Map(rows.map((row) => [row.id, row]));
  return ids.map((id) => {
    const job = byId.get(id);
    if (!job) {
      return `job ${id} is not in the job queue ${schema} of ${where} (it ran and was deleted, or belongs to another queue: DATABASE_SCHEMA)`;
    }
    if (job.lockedAt) return `job ${id} (${job.task}) is running now (since ${formatTime(job.lockedAt)}), not dead-lettered`;
    return `job ${id} (${job.task}) is not dead-lettered: it has used ${job.attempts} of ${job.maxAttempts} attempts and runs by itself at ${formatTime(job.runAt)}`;
  });
}

/** Whether row level security hides the queue's jobs from the connected role: the schema was migrated without openQueueRowSecurity (queue-migrations.ts). */
async function queueRowsHidden(client: ClientBase, schema: string): Promise<boolean> {
  const { rows } = await client.query<{ hidden: boolean }>(
    `SELECT row_security_active(t.oid) AND NOT EXISTS (SELECT 1 FROM pg_policy p WHERE p.polrelid = t.oid) AS hidden
       FROM (SELECT format('%I._private_jobs', $1::text)::regclass AS oid) t`,
    [schema],
  );
  return rows[0].hidden;
}
