import { join } from 'node:path';
import { runCommand } from '../../process/run-command';
import { idleTimerProbe } from '../../../testing/process/idle-timer-probe';
import { createScratchDatabase, ScratchDatabase } from '../../../testing/worker-schemas/test/scratch-database';

// The WebAssembly schema engine sets 10 s timers and never clears them; the CLI
// waits for its event loop to drain, so unfixed, `migrate deploy` sat idle
// 10 s after "All migrations have been successfully applied" (12.3 s in all
// on a fresh database, instead of 2 to 3 s). Every first `npm start` and
// `npm test` paid for it. prisma.config.ts installs the fix
// (vendor patch prisma-schema-engine-wasm); this runs the real CLI through it and asks
// the process, not a stopwatch, whether a timer held it after its work.
describe('prisma migrate deploy on the WebAssembly engine', () => {
  let scratch: ScratchDatabase;

  beforeAll(async () => {
    scratch = await createScratchDatabase();
  });

  afterAll(async () => {
    await scratch.drop();
  });

  it('applies every migration to a fresh database and exits as soon as it reports success, with no engine timer holding it', async () => {
    const probe = idleTimerProbe({ ...process.env, MIGRATION_DATABASE_URL: scratch.ownerUrl, PRISMA_HIDE_UPDATE_MESSAGE: '1' });

    const run = await runCommand(process.execPath, [require.resolve('prisma/build/index.js'), 'migrate', 'deploy'], {
      cwd: join(__dirname, '../../../..'),
      env: probe.env,
    });

    expect(run.output).toMatch(/All migrations have been successfully applied/);
    expect(run.code).toBe(0);
    // Unfixed: [10000, 10000, …], the engine's timers the process waited for.
    expect(probe.idleTimers()).toEqual([]);
    const client = await scratch.connect();
    const { rows } = await client.query<{ applied: number }>(
      'SELECT count(*)::int AS applied FROM _prisma_migrations WHERE finished_at IS NOT NULL',
    );
    expect(rows[0].applied).toBeGreaterThan(0);
  });
});
