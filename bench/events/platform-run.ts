import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import type { Client } from 'pg';
import { queueSchemaFor } from '../../src/platform/jobs/queue-schema';
import type { EventsDatabase } from './events-database';
import type { EventsBenchSizes } from './events-options';
import { type PlatformChildFigures, type PlatformFigures, type PublishCostPair, WRITE_TABLE } from './platform-figures';
import { compareWriteCosts } from './publish-cost';

/** The platform's measurements take about a minute; beyond this the child is killed and the part reports the platform as not measured. */
const PLATFORM_TIMEOUT_MS = 150_000;

/**
 * Prepares the database for the platform half (no deliveries left from an
 * earlier run; the table the publish-cost writes go to), then runs
 * platform-measure.ts in a child process on the runtime role's URL, its
 * progress lines passed through, and returns its figures.
 */
export async function runPlatformMeasurements(
  database: EventsDatabase,
  sizes: EventsBenchSizes,
  projectRoot: string,
  signal: AbortSignal,
): Promise<PlatformFigures> {
  const runtimeRole = new URL(database.runtimeUrl).username;
  const queueSchema = queueSchemaFor('public');
  await database.asOwner(async (client) => {
    // A run stopped halfway leaves deliveries behind; the queue schema itself is migrated by runMigrateDeploy, as for the app.
    await client.query(`DELETE FROM ${queueSchema}._private_jobs`);
    await client.query(`DELETE FROM ${queueSchema}.event_outbox`);
    await client.query(`DROP TABLE IF EXISTS ${WRITE_TABLE}`);
    await client.query(
      `CREATE TABLE ${WRITE_TABLE} (id bigserial PRIMARY KEY, seq integer NOT NULL, at timestamptz NOT NULL DEFAULT now())`,
    );
    await client.query(`GRANT INSERT ON ${WRITE_TABLE} TO ${runtimeRole}`);
    await client.query(`GRANT USAGE ON SEQUENCE ${WRITE_TABLE}_id_seq TO ${runtimeRole}`);
  });
  try {
    const raw = await database.asOwner((client) => measureRawPublishCost(client, queueSchema, sizes.publishCostOps));
    await database.asOwner((client) => client.query(`DELETE FROM ${queueSchema}._private_jobs`));
    const figures = await runChildMeasurements(database.runtimeUrl, sizes, projectRoot, signal);
    return { ...figures, publishCost: { ...figures.publishCost, raw } };
  } finally {
    await database.asOwner((client) => client.query(`DROP TABLE IF EXISTS ${WRITE_TABLE}`));
  }
}

/**
 * The publish cost without the platform and Prisma: the same one-INSERT
 * transaction on node-postgres, with `SELECT 1` or with graphile-worker's
 * add_jobs called as EventPublisher calls it (one job spec, an event envelope).
 */
function measureRawPublishCost(client: Client, queueSchema: string, ops: number): Promise<PublishCostPair> {
  let seq = 0;
  const envelope = (n: number) => ({
    id: randomUUID(),
    component: 'bench-events',
    name: 'ping',
    version: 1,
    payload: { seq: n },
    publishedAt: new Date().toISOString(),
  });
  return compareWriteCosts(async (extra) => {
    const n = ++seq;
    await client.query('BEGIN');
    try {
      await client.query(`INSERT INTO ${WRITE_TABLE} (seq) VALUES ($1)`, [n]);
      if (extra === 'statement') await client.query('SELECT 1');
      if (extra === 'publish') {
        const specs = [{ identifier: 'event:bench-events.raw', payload: envelope(n), max_attempts: 10 }];
        await client.query(
          `SELECT 1 FROM ${queueSchema}.add_jobs(array(SELECT json_populate_recordset(null::${queueSchema}.job_spec, $1::json)))`,
          [JSON.stringify(specs)],
        );
      }
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK');
      throw error;
    }
  }, ops);
}

function runChildMeasurements(
  runtimeUrl: string,
  sizes: EventsBenchSizes,
  projectRoot: string,
  signal: AbortSignal,
): Promise<PlatformChildFigures> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [
        '--require',
        join(__dirname, '..', '..', 'src', 'testing', 'process', 'typescript-sources.preload.cjs'),
        join(__dirname, 'platform-measure.ts'),
        JSON.stringify(sizes),
      ],
      { cwd: projectRoot, env: { ...process.env, DATABASE_URL: runtimeUrl }, stdio: ['ignore', 'pipe', 'inherit'] },
    );
    let stdout = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    const stop = () => child.kill('SIGKILL');
    const timer = setTimeout(stop, PLATFORM_TIMEOUT_MS);
    signal.addEventListener('abort', stop, { once: true });
    child.on('error', reject);
    child.on('exit', (code, killedBy) => {
      clearTimeout(timer);
      signal.removeEventListener('abort', stop);
      const last = stdout.trim().split('\n').at(-1) ?? '';
      if (code === 0 && last.startsWith('{')) return resolve(JSON.parse(last) as PlatformChildFigures);
      reject(
        new Error(
          killedBy
            ? `the platform measurement was stopped (${killedBy}) after ${signal.aborted ? 'an interrupt' : `${PLATFORM_TIMEOUT_MS / 1000} s`}`
            : `the platform measurement exited with code ${code} (its error is above)`,
        ),
      );
    });
  });
}
