import { quoted } from '../jobs/jobs-database';

/**
 * The event outbox (docs/architecture.md, "Events and jobs"): publish()
 * writes one row per event into `<queue schema>.event_outbox` (the job specs
 * of every listener, as json) and notifies the schema's outbox channel, in
 * one statement of the publishing transaction; the relay (outbox-relay.ts)
 * of an instance that runs jobs moves the rows into graphile-worker's queue
 * (add_jobs) in batches. A plain INSERT and a NOTIFY cost the publishing
 * transaction a fraction of graphile-worker's add_jobs (four PL/pgSQL
 * statements per call).
 */
export const OUTBOX_TABLE = 'event_outbox';

/** Rows moved per relay statement. */
export const OUTBOX_BATCH = 500;

/**
 * The outbox table, created by migrateJobQueue after graphile-worker's own
 * migrations (`:SCHEMA` is the quoted queue schema). Part of the test worker
 * schemas' fingerprint: change it and they are rebuilt.
 */
export const OUTBOX_DDL_TEMPLATE = `CREATE TABLE IF NOT EXISTS :SCHEMA.${OUTBOX_TABLE} (
  id bigserial PRIMARY KEY,
  specs json NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
)`;

export const outboxDdl = (queueSchema: string): string => OUTBOX_DDL_TEMPLATE.replaceAll(':SCHEMA', quoted(queueSchema));

/** The NOTIFY channel of a queue schema's outbox (each test worker has its own). */
export const outboxChannelFor = (queueSchema: string): string => `event_outbox:${queueSchema}`;

/** A listener's delivery job, as graphile-worker's job_spec (json_populate_recordset reads these keys). */
export interface OutboxJobSpec {
  identifier: string;
  payload: unknown;
  max_attempts: number;
}

/**
 * The publishing statement: one row and its notification (sent at commit;
 * several in one transaction are folded into one by PostgreSQL). $1: the
 * specs as json.
 */
export function publishSql(queueSchema: string): string {
  const channel = outboxChannelFor(queueSchema).replace(/'/g, "''");
  return `WITH row AS (INSERT INTO ${quoted(queueSchema)}.${OUTBOX_TABLE} (specs) VALUES ($1::json) RETURNING id)
SELECT pg_notify('${channel}', '') FROM row`;
}

/**
 * One batch, atomically: the oldest rows nobody else is moving (SKIP
 * LOCKED: two relays never move a row twice) are deleted and their jobs added
 * by the same statement, so a crash loses nothing and duplicates nothing.
 * Returns the rows moved (fewer than OUTBOX_BATCH: the outbox is empty, or
 * the rest is another relay's).
 */
export function relayBatchSql(queueSchema: string): string {
  const schema = quoted(queueSchema);
  // MATERIALIZED: picked once. As a subquery of the DELETE (WHERE id IN (…)), the planner may rescan it per
  // row (a nested loop over an unanalysed table), and each rescan locks another LIMIT rows: one batch took
  // 1,100 rows of 500 in the spec. Nothing was lost or doubled (the jobs come from the DELETE's RETURNING),
  // but the batch had no bound.
  return `WITH picked AS MATERIALIZED (
  SELECT id FROM ${schema}.${OUTBOX_TABLE} ORDER BY id LIMIT ${OUTBOX_BATCH} FOR UPDATE SKIP LOCKED
), batch AS (
  DELETE FROM ${schema}.${OUTBOX_TABLE} AS o USING picked WHERE o.id = picked.id
  RETURNING o.id, o.specs
), added AS (
  SELECT count(*) AS jobs FROM ${schema}.add_jobs(array(
    SELECT spec FROM batch CROSS JOIN LATERAL json_populate_recordset(null::${schema}.job_spec, batch.specs) AS spec ORDER BY batch.id
  ))
)
SELECT (SELECT count(*) FROM batch)::int AS rows, (SELECT jobs FROM added)::int AS jobs`;
}

/** Runs one statement and returns its rows (a pg client's or Prisma's raw query). */
export type OutboxQuery = <T>(text: string) => Promise<T[]>;

/** Moves the outbox into the job queue, batch after batch, until a batch comes back short. Returns the rows moved. */
export async function relayOutbox(query: OutboxQuery, queueSchema: string): Promise<number> {
  const sql = relayBatchSql(queueSchema);
  let moved = 0;
  for (;;) {
    const [{ rows }] = await query<{ rows: number; jobs: number }>(sql);
    moved += rows;
    if (rows < OUTBOX_BATCH) return moved;
  }
}
