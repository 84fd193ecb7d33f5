// How the job runner stops with the app (src/platform/jobs/job-runner.service.ts): from the first moment
// of the stop, in parallel with the HTTP drain, and by its deadline, abandoning (and rolling back) a run
// that is still going so it runs again, even in its last attempt.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Controller, Get, Logger, Module } from '@nestjs/common';
import { Client } from 'pg';
import { ComposedComponentsModule } from '../../../platform/jobs/composed-components';
import { queueSchemaFor } from '../../../platform/jobs/queue-schema';
import { JobQueue } from '../../../surface';
import { FixtureComponentModule } from '../../../testing/fixture-component/fixture-component.module';
import { FIXTURE_META, NoteDigest } from '../../../testing/fixture-component/fixture-events';
import { FIXTURE_NOTES_SQL } from '../../../testing/fixture-component/fixture-notes.service';
import { waitUntil } from '../../../testing/process/wait-until';
import { resetWorkerSchema } from '../../../testing/reset-worker-schema';
import { startTestServer, type TestServer } from '../../../testing/start-test-server';
import { createWorkerSchemaFixture, type WorkerSchemaFixture } from '../../../testing/worker-schema-fixture';
import { closeGracefully } from '../../lifecycle/graceful-shutdown';

function signal(): { promise: Promise<void>; resolve(): void } {
  let resolve!: () => void;
  const promise = new Promise<void>((done) => (resolve = done));
  return { promise, resolve };
}

/** A request this spec answers when it says so: one still running while the app stops. */
const held = { entered: signal(), release: signal() };

@Controller('runner-shutdown-spec')
class HeldRequestController {
  @Get('held')
  async answerWhenReleased(): Promise<string> {
    held.entered.resolve();
    await held.release.promise;
    return 'answered';
  }
}

@Module({ controllers: [HeldRequestController] })
class HeldRequestModule {}

let table: WorkerSchemaFixture;
let server: TestServer;
let admin: Client;
let queue: string;
/** Whether the test stopped the app itself; afterEach stops it otherwise, so a failed test leaves no runner taking this worker's jobs. */
let stopped: boolean;

async function stop(timeoutMs: number): Promise<void> {
  stopped = true;
  await closeGracefully(server.app, timeoutMs);
}

/** The fixture component with the real job runner, and the held route; the test stops it itself. */
beforeEach(async () => {
  table = await createWorkerSchemaFixture(FIXTURE_NOTES_SQL);
  const fixture = ComposedComponentsModule.for([{ meta: FIXTURE_META, module: FixtureComponentModule }]);
  server = await startTestServer({ imports: [FixtureComponentModule, fixture, HeldRequestModule] }, { jobs: 'running' });
  await resetWorkerSchema(server.prisma);
  queue = queueSchemaFor(server.prisma.config.schema);
  admin = new Client({ connectionString: process.env.DATABASE_URL });
  await admin.connect();
  held.entered = signal();
  held.release = signal();
  stopped = false;
});

/** Removed after the file's tests, not in the test: the run abandoned at the deadline polls its hold file until it sees it. */
const holdDirs: string[] = [];
afterAll(() => {
  for (const dir of holdDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

afterEach(async () => {
  held.release.resolve();
  if (server && !stopped) await closeGracefully(server.app, 5000);
  await admin?.end();
  await table?.drop();
  jest.restoreAllMocks();
});

async function runnerConnections(): Promise<number> {
  const { rows } = await admin.query<{ count: number }>(`SELECT count(*)::int AS count FROM pg_stat_activity WHERE application_name = $1`, [
    `jobs ${queue}`,
  ]);
  return rows[0].count;
}

async function digestJob(noteId: string) {
  const { rows } = await admin.query<{ lockedBy: string | null; attempts: number; maxAttempts: number; lastError: string | null }>(
    `SELECT locked_by AS "lockedBy", attempts, max_attempts AS "maxAttempts", last_error AS "lastError"
     FROM "${queue}"._private_jobs WHERE payload->>'noteId' = $1`,
    [noteId],
  );
  return rows;
}

describe('the job runner when the app stops', () => {
  it('stops taking jobs as soon as the stop begins, while a request is still being answered', async () => {
    await waitUntil('the runner to connect', async () =>
      (await runnerConnections()) > 0 ? { done: true, value: undefined } : { done: false, seen: 'no runner connection' },
    );
    const answer = fetch(`${server.baseUrl}/runner-shutdown-spec/held`).then((response) => response.text());
    await held.entered.promise;

    const closing = stop(60_000);
    await waitUntil(
      'the runner to close its connections while the request is still held',
      async () => {
        const count = await runnerConnections();
        return count === 0 ? { done: true, value: undefined } : { done: false, seen: `${count} runner connections` };
      },
      { timeoutMs: 20_000 },
    );
    await server.app.get(JobQueue).enqueue(NoteDigest, { noteId: 'enqueued-during-the-drain' });

    held.release.resolve();
    expect(await answer).toBe('answered');
    await closing;
    // Nobody took it: it waits, untouched, for an instance that runs.
    expect(await digestJob('enqueued-during-the-drain')).toEqual([{ lockedBy: null, attempts: 0, maxAttempts: 3, lastError: null }]);
  });

  it('abandons a job still running at the deadline: its transaction rolls back, it is not done, and it may run again even in its last attempt', async () => {
    const holdDir = mkdtempSync(join(tmpdir(), 'runner-shutdown-'));
    holdDirs.push(holdDir);
    const hold = join(holdDir, 'release');
    const logged = jest.spyOn(Logger.prototype, 'log').mockImplementation(() => undefined);
    jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    // Inside the platform's transaction (fixture-hold.ts), which the deadline must roll back.
    process.env.FIXTURE_HOLD_FILE = hold;
    process.env.FIXTURE_HOLD_IN_TRANSACTION = '1';
    try {
      // Its first attempt is its last.
      await admin.query(
        `SELECT "${queue}".add_job('job:fixture.note-digest', json_build_object('noteId', 'outlives-the-stop'), max_attempts => 1)`,
      );
      await waitUntil('the runner to hold the note-digest job', () =>
        logged.mock.calls.some(([line]) => String(line).startsWith('holding the note-digest job for outlives-the-stop'))
          ? { done: true, value: undefined }
          : { done: false, seen: 'no holding line' },
      );

      await stop(1000);

      expect(await digestJob('outlives-the-stop')).toEqual([
        { lockedBy: null, attempts: 1, maxAttempts: 2, lastError: expect.stringContaining('SHUTDOWN_TIMEOUT_MS') },
      ]);
      const { rows: effects } = await admin.query(
        `SELECT handler FROM "${server.prisma.config.schema}".fixture_effect WHERE ref = 'outlives-the-stop'`,
      );
      expect(effects).toEqual([]);
    } finally {
      delete process.env.FIXTURE_HOLD_FILE;
      delete process.env.FIXTURE_HOLD_IN_TRANSACTION;
      writeFileSync(hold, 'released\n');
    }
  });
});
