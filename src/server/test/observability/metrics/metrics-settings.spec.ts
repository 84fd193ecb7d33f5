import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// The app itself (src/main.ts in a child process, as `node dist/main.js` runs
// it) with a METRICS_PORT that is no port: it stops at once with one line
// naming the setting, before it touches the database.

const root = join(__dirname, '..', '..', '..', '..', '..');
const STARTUP_BOUND_MS = 120_000;

describe('the app with METRICS_PORT=abc', () => {
  let cwd: string;

  beforeAll(() => {
    cwd = mkdtempSync(join(tmpdir(), 'metrics-refusal-'));
  });

  afterAll(() => rmSync(cwd, { recursive: true, force: true }));

  it(
    'refuses to start, naming METRICS_PORT and how to fix it',
    async () => {
      const exit = await new Promise<{ code: number | null; stderr: string }>((resolve) => {
        execFile(
          process.execPath,
          ['--require', join(root, 'src', 'testing', 'process', 'typescript-sources.preload.cjs'), join(root, 'src', 'main.ts')],
          {
            cwd,
            // A DATABASE_URL nothing listens at: reaching the database would be a failure of its own, with another message.
            env: {
              PATH: process.env.PATH ?? '',
              NO_COLOR: '1',
              DATABASE_URL: 'postgresql://nobody:none@127.0.0.1:1/none',
              METRICS_PORT: 'abc',
            },
            timeout: STARTUP_BOUND_MS,
          },
          (error, _stdout, stderr) => resolve({ code: error ? (typeof error.code === 'number' ? error.code : null) : 0, stderr }),
        );
      });

      expect(exit.code).toBe(1);
      expect(exit.stderr.trim()).toBe(
        'error: METRICS_PORT="abc" is not a port number (0-65535); set it to e.g. 9464 to serve /metrics there, or remove it to turn metrics off',
      );
    },
    STARTUP_BOUND_MS + 10_000,
  );
});
