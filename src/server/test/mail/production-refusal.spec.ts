import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PRODUCTION_SETTINGS } from '../../../testing/environment/production-settings';

// The app itself (src/main.ts in a child process, as `node dist/main.js`
// runs it) with NODE_ENV=production and a mail setting missing: it must stop
// at once with one line naming the setting, before it touches the database.

const root = join(__dirname, '..', '..', '..', '..');
const STARTUP_BOUND_MS = 120_000;

interface Exit {
  code: number | null;
  stderr: string;
}

/** Starts the app with `env` (nothing inherited but PATH) from an empty folder, so no .env file is read; resolves when it exits. */
function runApp(env: Record<string, string>, cwd: string): Promise<Exit> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--require', join(root, 'src', 'testing', 'process', 'typescript-sources.preload.cjs'), join(root, 'src', 'main.ts')],
      // A DATABASE_URL nothing listens at: reaching the database would be a failure of its own, with another message.
      {
        cwd,
        env: { PATH: process.env.PATH ?? '', NO_COLOR: '1', DATABASE_URL: 'postgresql://nobody:none@127.0.0.1:1/none', ...env },
        timeout: STARTUP_BOUND_MS,
      },
      (error, _stdout, stderr) => resolve({ code: error ? (typeof error.code === 'number' ? error.code : null) : 0, stderr }),
    );
  });
}

describe('the app with NODE_ENV=production and a mail setting missing', () => {
  let cwd: string;

  beforeAll(() => {
    cwd = mkdtempSync(join(tmpdir(), 'mail-refusal-'));
  });

  afterAll(() => rmSync(cwd, { recursive: true, force: true }));

  it(
    'refuses to start without SMTP_URL, naming it',
    async () => {
      const { SMTP_URL: _, ...withoutSmtp } = PRODUCTION_SETTINGS;

      const exit = await runApp(withoutSmtp, cwd);

      expect(exit.code).toBe(1);
      expect(exit.stderr.trim()).toBe(
        'error: SMTP_URL is not set, and NODE_ENV=production sends mail only through SMTP (password resets, address verification); set SMTP_URL, e.g. smtps://user:password@smtp.example.com:465 (docs/operations.md, "Mail")',
      );
    },
    STARTUP_BOUND_MS + 10_000,
  );

  it(
    'refuses to start without APP_URL, naming it',
    async () => {
      const { APP_URL: _, ...withoutAppUrl } = PRODUCTION_SETTINGS;

      const exit = await runApp(withoutAppUrl, cwd);

      expect(exit.code).toBe(1);
      expect(exit.stderr.trim()).toMatch(/^error: APP_URL is not set, and NODE_ENV=production needs it to build the links in mail/);
    },
    STARTUP_BOUND_MS + 10_000,
  );
});
