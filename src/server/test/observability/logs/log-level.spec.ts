import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PRODUCTION_SETTINGS } from '../../../../testing/environment/production-settings';
import { FIXTURE_NOTES_SQL } from '../../../../testing/fixture-component/fixture-notes.service';
import { jsonLogEntries } from '../../../../testing/logging/log-lines';
import { FixtureAppInstance } from '../../../../testing/process/fixture-app-instance';
import { READY_LINE } from '../../../../testing/process/fixture-app-ready-line';
import { createWorkerSchemaFixture } from '../../../../testing/worker-schema-fixture';

const root = join(__dirname, '..', '..', '..', '..', '..');
const STARTUP_BOUND_MS = 120_000;

describe('LOG_LEVEL', () => {
  let instance: FixtureAppInstance | undefined;

  afterEach(async () => {
    await instance?.dispose();
    instance = undefined;
  });

  it('warn: no line per request, but a failed request (5xx) and its error still logged', async () => {
    // The fixture component's table is missing: its list fails, a 500.
    const missing = await createWorkerSchemaFixture({ create: '', drop: FIXTURE_NOTES_SQL.drop });
    await missing.drop();
    instance = await FixtureAppInstance.start({ name: 'log-level-warn', env: { ...PRODUCTION_SETTINGS, LOG_LEVEL: 'warn' } });
    const statuses: number[] = [];
    for (const path of ['/accounts/sign-in', '/no-such-page', '/fixture/notes']) {
      const response = await fetch(`${instance.baseUrl}${path}`);
      await response.arrayBuffer();
      statuses.push(response.status);
    }

    expect(await instance.terminate()).toEqual({ code: 0, signal: null });
    const entries = jsonLogEntries(instance.log()).filter((entry) => !entry.msg?.startsWith(READY_LINE));

    expect(statuses).toEqual([200, 404, 500]);
    expect(entries.filter((entry) => entry.msg === 'request completed')).toEqual([
      expect.objectContaining({ level: 'warn', route: '/fixture/notes', status: 500 }),
    ]);
    expect(entries.filter((entry) => !['warn', 'error', 'fatal'].includes(entry.level ?? ''))).toEqual([]);
    expect(entries.some((entry) => entry.level === 'error' && entry.context === 'Errors')).toBe(true);
  });

  it(
    'refuses to start the app with a value that is no level, in one line naming LOG_LEVEL, the levels and the fix',
    async () => {
      const cwd = mkdtempSync(join(tmpdir(), 'log-level-')); // no .env there
      try {
        const exit = await new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
          execFile(
            process.execPath,
            ['--require', join(root, 'src', 'testing', 'process', 'typescript-sources.preload.cjs'), join(root, 'src', 'main.ts')],
            // A DATABASE_URL nothing listens at: the app must stop before it would try it.
            {
              cwd,
              env: { PATH: process.env.PATH ?? '', DATABASE_URL: 'postgresql://nobody:none@127.0.0.1:1/none', LOG_LEVEL: 'loud' },
              timeout: STARTUP_BOUND_MS,
            },
            (error, stdout, stderr) => resolve({ code: error ? (typeof error.code === 'number' ? error.code : null) : 0, stdout, stderr }),
          );
        });

        expect(exit).toEqual({
          code: 1,
          stdout: '',
          stderr:
            'error: LOG_LEVEL="loud" is not a log level; set it to one of fatal, error, warn, info, debug, trace (default info), or remove it\n',
        });
      } finally {
        rmSync(cwd, { recursive: true, force: true });
      }
    },
    STARTUP_BOUND_MS + 10_000,
  );
});
