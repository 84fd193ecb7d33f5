import type { ClientBase } from 'pg';

/**
 * graphile-worker (0.17.3) turns on row level security for its tables
 * (`_private_jobs`, `_private_job_queues`, `_private_tasks`,
 * `_private_known_crontabs`) and defines no policy, so only their owner sees a
 * row: the runtime role, granted DML as on every other table, could add no
 * job (the INSERT is refused) and take, retry or finish none (its UPDATEs
 * match nothing). Upstream does it to hide the tables from roles an API
 * exposes; nothing exposes the queue schema here, so, as for the app's own
 * tables, GRANTs decide who may use them. Runs as the owner after the
 * migrations; returns the tables it changed (none when already done).
 */
export async function governQueueTablesByGrants(client: ClientBase, schema: string): Promise<string[]> {
  const { rows } = await client.query<{ table: string }>(
    `SELECT c.relname AS "table" FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = $1 AND c.relkind IN ('r', 'p') AND c.relrowsecurity ORDER BY c.relname`,
    [schema],
  );
  for (const { table } of rows) {
    await client.query(`ALTER TABLE ${client.escapeIdentifier(schema)}.${client.escapeIdentifier(table)} DISABLE ROW LEVEL SECURITY`);
  }
  return rows.map((row) => row.table);
}

/** Whether row level security hides the queue's rows from the connected role (the schema was migrated without the step above). */
export async function queueRowsHidden(client: ClientBase, schema: string): Promise<boolean> {
  const { rows } = await client.query<{ hidden: boolean }>(
    `SELECT row_security_active(format('%I._private_jobs', $1::text)::regclass) AS hidden`,
    [schema],
  );
  return rows[0].hidden;
}
