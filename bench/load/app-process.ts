import { ChildProcess, spawn } from 'node:child_process';
import { closeSync, mkdirSync, openSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { findFreePort } from '../../src/database/embedded/free-port';
import { killProcessGroup, logFileTail } from '../../src/testing/process/child-process-group';
import type { Stoppable } from './teardown';
import { within } from '../../src/testing/process/within';

export interface AppExit {
  code: number | null;
  signal: NodeJS.Signals | null;
  /** Milliseconds since the process started. */
  at: number;
}

export interface AppStartOptions {
  /** Names the instance in messages and its log file. */
  name: string;
  projectRoot: string;
  /** Where the app's stdout and stderr go. */
  logFile: string;
  databaseUrl: string;
  csrfSecret: string;
  /** Further settings, e.g. DATABASE_POOL_SIZE. */
  env?: Record<string, string>;
  log: (line: string) => void;
  /** The script node runs, relative to the project root; default `dist/main.js` (the app). */
  script?: string;
  /** Node's own options; default `--enable-source-maps`, as `npm start` runs the app. */
  nodeArgs?: string[];
}

/**
 * Settings the app reads that the load must decide itself: inherited values
 * (from the shell or CI) would point the app elsewhere or change its limits.
 * The app also reads `.env`, but never over a variable that is already set.
 */
const INHERITED_SETTINGS_DROPPED =
  /^(DATABASE_|MIGRATION_DATABASE_URL$|CSRF_SECRET$|PORT$|HOST$|NODE_ENV$|SHUTDOWN_|SMTP_URL$|APP_URL$|MAIL_|METRICS_|OTEL_)/;

/**
 * One production instance of the app, `node --enable-source-maps
 * dist/main.js`, on a free loopback port. It leads its own process group, so
 * Ctrl-C in the terminal reaches only this script, which decides when and how
 * the app is signalled.
 */
export class AppProcess implements Stoppable {
  readonly exited: Promise<AppExit>;
  private exit: AppExit | null = null;
  private readonly started = performance.now();

  private constructor(
    readonly name: string,
    readonly baseUrl: string,
    private readonly child: ChildProcess,
    readonly logFile: string,
    private readonly log: (line: string) => void,
  ) {
    this.exited = new Promise((resolve) => {
      child.once('exit', (code, signal) => {
        this.exit = { code, signal, at: performance.now() - this.started };
        resolve(this.exit);
      });
    });
  }

  static async start(options: AppStartOptions): Promise<AppProcess> {
    const port = await findFreePort();
    const env: NodeJS.ProcessEnv = Object.fromEntries(Object.entries(process.env).filter(([key]) => !INHERITED_SETTINGS_DROPPED.test(key)));
    Object.assign(env, {
      NODE_ENV: 'production',
      HOST: '127.0.0.1',
      PORT: String(port),
      DATABASE_URL: options.databaseUrl,
      CSRF_SECRET: options.csrfSecret,
      // Required with NODE_ENV=production (src/platform/mail/mail-settings.ts). A dummy: the benchmarks read no
      // mail and nothing listens at this address, so a message a run causes (a sign-up's) fails its send-mail job
      // on the machine and is retried later; it never leaves it.
      SMTP_URL: 'smtp://127.0.0.1:2525',
      APP_URL: `http://127.0.0.1:${port}`,
      // Plain log lines in the log file, so errors can be quoted and searched.
      NO_COLOR: '1',
      ...options.env,
    });
    mkdirSync(dirname(options.logFile), { recursive: true });
    const log = openSync(options.logFile, 'w');
    try {
      const nodeArgs = options.nodeArgs ?? ['--enable-source-maps'];
      const child = spawn(process.execPath, [...nodeArgs, options.script ?? join('dist', 'main.js')], {
        cwd: options.projectRoot,
        env,
        detached: true,
        stdio: ['ignore', log, log],
      });
      await new Promise<void>((resolve, reject) => {
        child.once('spawn', resolve);
        child.once('error', reject);
      });
      return new AppProcess(options.name, `http://127.0.0.1:${port}`, child, options.logFile, options.log);
    } finally {
      closeSync(log); // the child has its own copy
    }
  }

  /** The log file relative to the project root (the working directory), for messages and docs. */
  get logPath(): string {
    return relative(process.cwd(), this.logFile);
  }

  get pid(): number {
    return this.child.pid!;
  }

  get exitStatus(): AppExit | null {
    return this.exit;
  }

  /** Waits until `GET <path>` (default `/health`) answers 200; fails early, with the log's tail, if the app exits first. */
  async waitUntilReady(timeoutMs = 60_000, path = '/health'): Promise<void> {
    const deadline = performance.now() + timeoutMs;
    let last = 'no answer yet';
    while (performance.now() < deadline) {
      if (this.exit) {
        throw new Error(
          `app instance ${this.name} exited with ${this.exit.code ?? this.exit.signal} before it was ready:\n${this.logTail()}\n(full log: ${this.logPath})`,
        );
      }
      try {
        const response = await fetch(`${this.baseUrl}${path}`, { signal: AbortSignal.timeout(2_000) });
        await response.arrayBuffer();
        if (response.status === 200) return;
        last = `GET ${path} answered ${response.status}`;
      } catch (error) {
        last = (error as Error).message;
      }
      await sleep(200);
    }
    throw new Error(`app instance ${this.name} was not ready after ${timeoutMs / 1000} s (${last}):\n${this.logTail()}`);
  }

  /** Sends SIGTERM to the app's own process, as a process manager would. */
  terminate(): void {
    if (!this.exit) this.child.kill('SIGTERM');
  }

  /** SIGTERM, then SIGKILL to its group if it has not exited within `graceMs`. */
  async stop(graceMs = 15_000): Promise<void> {
    if (this.exit) return;
    this.terminate();
    if (!(await within(this.exited, graceMs))) {
      this.log(`app instance ${this.name} (pid ${this.pid}) had not exited ${graceMs / 1000} s after SIGTERM; killed it`);
      this.kill();
      await this.exited;
    }
  }

  kill(): void {
    if (!this.exit) killProcessGroup(this.child);
  }

  /** The last lines the app printed, for error messages. */
  logTail(lines = 6): string {
    return logFileTail(this.logFile, lines, stripColours);
  }

  /** Lines the app logged at ERROR level (Nest's logger), for the report. */
  errorLines(): string[] {
    try {
      return stripColours(readFileSync(this.logFile, 'utf8'))
        .split('\n')
        .filter((line) => / ERROR /.test(line));
    } catch {
      return [];
    }
  }
}

/** Nest colours its log unless NO_COLOR is set; an app started by hand with this log file may have. */
function stripColours(text: string): string {
  return text.replace(new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`, 'g'), '');
}
