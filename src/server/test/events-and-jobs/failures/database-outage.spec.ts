// A PostgreSQL outage under a running app instance (a child process): the
// server is stopped (pg_ctl stop -m fast, every session ended) while a
// delivery is under way, and started again. The test owns that PostgreSQL
// (outage-database.ts): the Jest workers' shared cluster is never stopped.
import { FIXTURE_NOTES_SQL } from '../../../../testing/fixture-component/fixture-notes.service';
import type { LoadDatabase } from '../../../../../bench/load/load-database';
import { AppInstances } from './app-instances';
import { addNoteThrough, deliveredOnce, waitForDeliveries } from './deliveries';
import { createFixtureTables, startOutageDatabase } from './outage-database';
import { QueueProbe } from './queue-probe';
import { waitUntil } from '../../../../testing/process/wait-until';

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

  it('delivers an event whose delivery was under way when the server stopped, once to each listener, without the instance exiting or restarting its runner in a tight loop', async () => {
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
    await database.startServer();

    probe = await QueueProbe.connect(database.ownerUrl, 'public');
    const delivered = await waitForDeliveries(probe, [noteId], [instance], 150_000);
    const health = await fetch(`${instance.baseUrl}/health`);

    expect(delivered).toEqual(deliveredOnce([noteId]));
    expect(instance.exitStatus).toBeNull();
    expect(health.status).toBe(200);
    // Backoff, not a crash loop: each restart waits twice as long as the one before (1 s, 2 s, 4 s, ... at most 30 s).
    const delays = restartDelays(instance.log());
    expect(delays.length).toBeGreaterThanOrEqual(3);
    expect(delays).toEqual(delays.map((_, i) => Math.min(2 ** i, 30)));
  });
});
