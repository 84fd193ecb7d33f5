import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import { chownSync, closeSync, existsSync, mkdirSync, openSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { Client } from 'pg';
import { postgresRunAs } from '../../src/database/embedded/os-user';
import { PgbouncerPlan, pgbouncerIni, authFileLine } from './pgbouncer-config';
import { killProcessGroup, logFileTail } from '../../src/testing/process/child-process-group';
import type { Stoppable } from './teardown';
import { within } from '../../src/testing/process/within';

/** Where the Debian/Ubuntu package `pgbouncer` installs it (and other common places). */
const CANDIDATES = ['/usr/sbin/pgbouncer', '/usr/bin/pgbouncer', '/usr/local/bin/pgbouncer', '/opt/homebrew/bin/pgbouncer'];

export const PGBOUNCER_MISSING =
  'PgBouncer is not installed (looked for /usr/sbin/pgbouncer) and could not be installed here (needs apt-get as root or passwordless sudo): install it with `sudo apt-get install pgbouncer` (Debian/Ubuntu; it need not run as a service, the load starts its own), then run `npm run load -- pgbouncer` again';

export function findPgbouncer(): string | null {
  return CANDIDATES.find((path) => existsSync(path)) ?? null;
}

/**
 * The binary, installing Debian's `pgbouncer` package first when it is
 * missing and this user may (root, or sudo without a password), as .ci/run
 * does for PostgreSQL's client: the scenario needs nothing set up by hand.
 * It only installs the program; the package's own service is not used.
 */
export function findOrInstallPgbouncer(log: (line: string) => void): string | null {
  const found = findPgbouncer();
  if (found || !existsSync('/usr/bin/apt-get')) return found;
  const root = process.getuid?.() === 0;
  if (!root && spawnSync('sudo', ['-n', 'true']).status !== 0) return null;
  const run = (args: string[]) =>
    spawnSync(root ? args[0] : 'sudo', root ? args.slice(1) : ['-n', ...args], {
      stdio: 'ignore',
      timeout: 300_000,
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    }).status === 0;
  log('PgBouncer is not installed: installing the Debian package pgbouncer (apt-get) for this scenario');
  const install = ['apt-get', 'install', '-y', '-qq', '--no-install-recommends', 'pgbouncer'];
  if (!run(install) && run(['apt-get', 'update', '-qq'])) run(install);
  return findPgbouncer();
}

/** `PgBouncer 1.18.0`. */
export function pgbouncerVersion(binary: string): string {
  const result = spawnSync(binary, ['--version'], { encoding: 'utf8', timeout: 10_000 });
  return result.stdout.split('\n')[0]?.trim() || 'PgBouncer (unknown version)';
}

/**
 * A PgBouncer of the load's own, in the foreground as a child process (so it
 * ends with the script), configured in `dir` (`.data/load/pgbouncer`). It
 * refuses to run as root, so as root it runs as the same system user as the
 * embedded PostgreSQL (see src/database/embedded/os-user.ts).
 */
export class PgbouncerProcess implements Stoppable {
  readonly name = 'PgBouncer';
  private exited = false;
  private readonly exit: Promise<void>;

  private constructor(
    private readonly child: ChildProcess,
    readonly logFile: string,
  ) {
    this.exit = new Promise((resolve) =>
      child.once('exit', () => {
        this.exited = true;
        resolve();
      }),
    );
  }

  static start(binary: string, dir: string, plan: PgbouncerPlan, auth: { user: string; secret: string }): PgbouncerProcess {
    const runAs = postgresRunAs();
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    const ini = join(dir, 'pgbouncer.ini');
    writeFileSync(plan.authFile, authFileLine(auth.user, auth.secret), { mode: 0o600 });
    writeFileSync(ini, pgbouncerIni(plan), { mode: 0o600 });
    if (runAs.uid !== undefined) for (const path of [dir, ini, plan.authFile]) chownSync(path, runAs.uid, runAs.gid!);
    const logFile = join(dir, 'pgbouncer.log');
    const log = openSync(logFile, 'w');
    try {
      const child = spawn(binary, [ini], { ...runAs, detached: true, stdio: ['ignore', log, log] });
      return new PgbouncerProcess(child, logFile);
    } finally {
      closeSync(log);
    }
  }

  /** Waits until a login through PgBouncer works; fails with PgBouncer's log when it exits or refuses. */
  async waitUntilReady(url: string, timeoutMs = 15_000): Promise<void> {
    const deadline = performance.now() + timeoutMs;
    let last = '';
    while (performance.now() < deadline) {
      if (this.exited)
        throw new Error(
          `PgBouncer exited at start:\n${this.logTail()}\n(config and log: ${relative(process.cwd(), dirname(this.logFile))})`,
        );
      const client = new Client({ connectionString: url, connectionTimeoutMillis: 2_000 });
      try {
        await client.connect();
        await client.query('SELECT 1');
        return;
      } catch (error) {
        last = (error as Error).message;
      } finally {
        await client.end().catch(() => undefined);
      }
      await sleep(200);
    }
    throw new Error(`no login through PgBouncer within ${timeoutMs / 1000} s (${last}):\n${this.logTail()}`);
  }

  /** SIGTERM is PgBouncer's immediate shutdown; the apps behind it are stopped first. */
  async stop(): Promise<void> {
    if (this.exited) return;
    this.child.kill('SIGTERM');
    if (!(await within(this.exit, 5_000))) {
      this.kill();
      await this.exit;
    }
  }

  kill(): void {
    if (!this.exited) killProcessGroup(this.child);
  }

  logTail(lines = 10): string {
    return logFileTail(this.logFile, lines);
  }
}
