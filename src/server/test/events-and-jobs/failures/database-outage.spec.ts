// A PostgreSQL outage under a running app instance (a child process): the
// server is stopped (pg_ctl stop -m fast, every session ended) while a
// delivery is under way, and started again. The test owns that PostgreSQL
// (outage-database.ts): the Jest workers' shared cluster is never stopped.
import { FIXTURE_NOTES_SQL } from '../../../../testing/fixture-component/fixture-notes.service';
import type { LoadDatabase } from '../../../../../bench/load/load-database';
import { INSTANCE_START_TIMEOUT_MS, LOG_LINE_TIMEOUT_MS } from '../../../../testing/process/fixture-app-instance';
import { AppInstances } from '../../../../testing/process/app-instances';
import { addNoteThrough, deliveredOnce, waitForDeliveries } from './deliveries';
import { createFixtureTables, startOutageDatabase } from './outage-database';
import { QueueProbe } from './queue-probe';
import { DEFAULT_WAIT_TIMEOUT_MS, waitUntil } from '../../../../testing/process/wait-until';
import { jestTimeoutFor } from '../../../../testing/process/test-bounds';

/** How long the outage's deliveries may take once PostgreSQL is back: the runner's backoff may be at its 30 s cap by then. */
const DELIVERIES_AFTER_OUTAGE_MS = 150_000;
/** pg_ctl's own bound on stopping or starting the server (`-w`, 60 s). */
const PG_CTL_BOUND_MS = 60_000;
/**
 * The test's waits, one after the other: the instance starts, logs `holding`,
 * the server stops, three restarts are logged, the server starts, the deliveries.
 */
const OUTAGE_TIMEOUT_MS = jestTimeoutFor([
  INSTANCE_START_TIMEOUT_MS,
  LOG_LINE_TIMEOUT_MS,
  PG_CTL_BOUND_MS,
  DEFAULT_WAIT_TIMEOUT_MS,
  PG_CTL_BOUND_MS,
  DELIVERIES_AFTER_OUTAGE_MS,
]);

/** The supervisor's restart delays in the log, in seconds, in order. */
function restartDelays(log: string): number[] {
  return [...log.matchAll(/restarting the job runner in ([\d.]+) s/g)].map((match) => Number(match[1]));
}

describe('event delivery when PostgreSQL stops under a running app instance and comes back', () => {
  let database: LoadDatabase;
  let probe: QueueProbe | undefined;
  const instances = new AppInstances();

  beforeAll(async () => {
    database = await startOutageDatabase();
    await createFixtureTables(database, [FIXTURE_NOTES_SQL]);
  });

  afterAll(async () => {
    await instances.killAll();
    await probe?.close().catch(() => undefined);
    await database?.stop();
  });

  it(
    'delivers an event whose delivery was under way when the server stopped, once to each listener, without the instance exiting or restarting its runner in a tight loop',
    async () => {
      probe = await QueueProbe.connect(database.ownerUrl, 'public');
      await probe.reset();
      const hold = instances.holdFile();
      const instance = await instances.start({
        name: 'outage',
        env: {
          DATABASE_URL: database.runtimeUrl,
          MIGRATION_DATABASE_URL: database.ownerUrl,
          DATABASE_SCHEMA: 'public',
          FIXTURE_HOLD_FILE: hold.path,
          JOBS_STALE_LOCK_MS: '1000',
        },
      });
      const noteId = await addNoteThrough(instance, probe, 'published before the outage');
      await instance.waitForLogLine(new RegExp(`holding .*${noteId}`), `that a listener holds the delivery of note ${noteId}`);

      // The probe's session ends with the server; a new one is opened afterwards.
      await probe.close().catch(() => undefined);
      probe = undefined;
      await database.stopServer();
      // The held listeners go on while the database is away: their transaction cannot commit.
      hold.release();
      // Down long enough for three restarts of the runner (at 1 s, 2 s and 4 s with backoff; at once in a crash loop).
      await waitUntil('the instance to log three restarts of its job runner while PostgreSQL is down', () => {
        instance.assertRunning('while PostgreSQL was down');
        const delays = restartDelays(instance.log());
        return delays.length >= 3
          ? { done: true, value: undefined }
          : { done: false, seen: `restarts after ${delays.join(', ') || 'none'} s` };
      });
      const delaysWhileDown = restartDelays(instance.log());
      await database.startServer();

      probe = await QueueProbe.connect(database.ownerUrl, 'public');
      const delivered = await waitForDeliveries(probe, [noteId], [instance], DELIVERIES_AFTER_OUTAGE_MS);
      const health = await fetch(`${instance.baseUrl}/health`);

      expect(delivered).toEqual(deliveredOnce([noteId]));
      expect(instance.exitStatus).toBeNull();
      expect(health.status).toBe(200);
      // Backoff, not a crash loop: while PostgreSQL was down each restart waited at least as long as the one before, the
      // waits grew, and none was over the 30 s cap (the exact steps are the supervisor's business, not this test's).
      expect(delaysWhileDown.length).toBeGreaterThanOrEqual(3);
      expect(delaysWhileDown).toEqual([...delaysWhileDown].sort((a, b) => a - b));
      expect(delaysWhileDown[0]).toBeGreaterThan(0);
      expect(delaysWhileDown.at(-1)).toBeGreaterThan(delaysWhileDown[0]);
      expect(Math.max(...delaysWhileDown)).toBeLessThanOrEqual(30);
    },
    OUTAGE_TIMEOUT_MS,
  );
});
