import type { ClientBase } from 'pg';

/** The policy's name; the engine's own migration step (src/platform/jobs/queue-migrations.ts) creates the same one. */
const POLICY = 'platform_runtime_access';

/**
 * graphile-worker (0.17.3) turns on row level security for its tables
 * (`_private_jobs`, `_private_job_queues`, `_private_tasks`,
 * `_private_known_crontabs`) and defines no policy, so only their owner sees a
 * row: the runtime role, granted DML as on every other table, could add no
 * job (the INSERT is refused) and take, retry or finish none (its UPDATEs
 * match nothing). Each such table gets one policy that lets every row
 * through, so GRANTs decide who may use them, as for the app's own tables.
 * Runs as the owner after the migrations; idempotent; returns the tables it
 * gave the policy (none when they all had it).
 */
export async function openQueueRowSecurity(client: ClientBase, schema: string): Promise<string[]> {
  const { rows } = await client.query<{ table: string }>(
    `SELECT c.relname AS "table" FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = $1 AND c.relkind = 'r' AND c.relrowsecurity
        AND NOT EXISTS (SELECT 1 FROM pg_policy p WHERE p.polrelid = c.oid AND p.polname = $2)
      ORDER BY c.relname`,
    [schema, POLICY],
  );
  for (const { table } of rows) {
    const qualified = `${client.escapeIdentifier(schema)}.${client.escapeIdentifier(table)}`;
    await client.query(`CREATE POLICY ${POLICY} ON ${qualified} USING (true) WITH CHECK (true)`);
  }
  return rows.map((row) => row.table);
}

/** Whether row level security hides the queue's jobs from the connected role: the schema was migrated without the step above. */
export async function queueRowsHidden(client: ClientBase, schema: string): Promise<boolean> {
  const { rows } = await client.query<{ hidden: boolean }>(
    `SELECT row_security_active(t.oid) AND NOT EXISTS (SELECT 1 FROM pg_policy p WHERE p.polrelid = t.oid) AS hidden
       FROM (SELECT format('%I._private_jobs', $1::text)::regclass AS oid) t`,
    [schema],
  );
  return rows[0].hidden;
}
