import { ChildProcess, spawn } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { killProcessGroup, logFileTail } from './child-process-group';
import { within } from './within';
import { READY_LINE } from './fixture-app-ready-line';
import { waitUntil } from './wait-until';

export interface ProcessExit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export interface FixtureAppInstanceOptions {
  /** Names the instance in messages and its log file, e.g. `first`. */
  name: string;
  /** Settings over the test's own environment (DATABASE_URL, DATABASE_SCHEMA, ...), e.g. `{ JOBS_CONCURRENCY: '0' }`. */
  env?: Record<string, string>;
  /** How long starting may take before it counts as a hang; default INSTANCE_START_TIMEOUT_MS (120 s). */
  startTimeoutMs?: number;
}

/** How long starting may take by default (`startTimeoutMs`): a cold transpile cache on a busy machine. */
export const INSTANCE_START_TIMEOUT_MS = 120_000;
/** waitForLogLine's bound by default. */
export const LOG_LINE_TIMEOUT_MS = 60_000;
/** terminate's bound by default: how long after SIGTERM the instance may take to exit. */
export const TERMINATE_BOUND_MS = 60_000;

/** Inherited job settings would make an instance behave unlike the test says; a test sets the ones it needs. */
const INHERITED_SETTINGS_DROPPED = /^JOBS_/;

/**
 * One app instance in a child process of its own: the whole app plus the
 * fixture component, the job runner running (fixture-app.main.ts), on this
 * Jest worker's schema and queue unless `env` says otherwise. A real process,
 * so a test can kill -9 it, send it SIGTERM, or run two side by side. It leads
 * its own process group, and its output goes to a log file (in a directory of
 * its own under the system's temp directory) a failure quotes; `dispose()`
 * kills it and removes that directory.
 */
export class FixtureAppInstance {
  readonly exited: Promise<ProcessExit>;
  private exit: ProcessExit | null = null;
  private url: string | undefined;

  private constructor(
    readonly name: string,
    private readonly child: ChildProcess,
    readonly logFile: string,
  ) {
    this.exited = new Promise((resolve) => {
      child.once('exit', (code, signal) => {
        this.exit = { code, signal };
        resolve(this.exit);
      });
    });
  }

  /** Starts the instance and waits until it serves HTTP with its runner started; fails with its log's tail if it exits first. */
  static async start({
    name,
    env = {},
    startTimeoutMs = INSTANCE_START_TIMEOUT_MS,
  }: FixtureAppInstanceOptions): Promise<FixtureAppInstance> {
    const logFile = join(mkdtempSync(join(tmpdir(), `fixture-app-${name}-`)), 'app.log');
    const childEnv: NodeJS.ProcessEnv = Object.fromEntries(
      Object.entries(process.env).filter(([key]) => !INHERITED_SETTINGS_DROPPED.test(key)),
    );
    Object.assign(childEnv, { NO_COLOR: '1', ...env });
    const log = openSync(logFile, 'w');
    let child: ChildProcess;
    try {
      child = spawn(
        process.execPath,
        ['--enable-source-maps', '--require', join(__dirname, 'typescript-sources.preload.cjs'), join(__dirname, 'fixture-app.main.ts')],
        { env: childEnv, detached: true, stdio: ['ignore', log, log] },
      );
      await new Promise<void>((resolve, reject) => {
        child.once('spawn', resolve);
        child.once('error', reject);
      });
    } finally {
      closeSync(log); // the child has its own copy
    }
    const instance = new FixtureAppInstance(name, child, logFile);
    try {
      instance.url = await waitUntil(
        `app instance ${name} to log "${READY_LINE} <url>"`,
        () => {
          instance.assertRunning('while starting');
          const ready = new RegExp(`${READY_LINE} (\\S+)`).exec(instance.log());
          return ready
            ? { done: true as const, value: ready[1] }
            : { done: false as const, seen: `its log ending in:\n${instance.logTail()}` };
        },
        { timeoutMs: startTimeoutMs, intervalMs: 200 },
      );
    } catch (error) {
      await instance.dispose(); // the error quotes its log's tail
      throw error;
    }
    return instance;
  }

  get baseUrl(): string {
    return this.url!;
  }

  get pid(): number {
    return this.child.pid!;
  }

  get exitStatus(): ProcessExit | null {
    return this.exit;
  }

  /** Throws, with the log's tail, if the instance has exited: a wait on it would otherwise run into its bound. */
  assertRunning(when: string): void {
    if (this.exit) {
      throw new Error(
        `app instance ${this.name} exited ${when} (${this.exit.code ?? this.exit.signal}); its log (${this.logFile}) ends:\n${this.logTail(20)}`,
      );
    }
  }

  /** Everything the instance has logged so far (stdout and stderr). */
  log(): string {
    try {
      return readFileSync(this.logFile, 'utf8');
    } catch {
      return '';
    }
  }

  logTail(lines = 12): string {
    return logFileTail(this.logFile, lines);
  }

  /** Waits until the log has a line matching `pattern` (the instance must stay up meanwhile); returns that line. */
  waitForLogLine(pattern: RegExp, awaited: string, timeoutMs = LOG_LINE_TIMEOUT_MS): Promise<string> {
    return waitUntil(
      `app instance ${this.name} to log ${awaited} (${pattern})`,
      () => {
        const line = this.log()
          .split('\n')
          .find((candidate) => pattern.test(candidate));
        if (line !== undefined) return { done: true as const, value: line };
        this.assertRunning(`before it logged ${awaited}`);
        return { done: false as const, seen: `its log ending in:\n${this.logTail()}` };
      },
      { timeoutMs, intervalMs: 100 },
    );
  }

  /** SIGTERM, as a process manager stops it; resolves once it has exited (SIGKILL after `boundMs`, which fails the caller). */
  async terminate(boundMs = TERMINATE_BOUND_MS): Promise<ProcessExit> {
    if (this.exit) return this.exit;
    this.child.kill('SIGTERM');
    const exit = await within(this.exited, boundMs);
    if (exit) return exit;
    await this.kill();
    throw new Error(
      `app instance ${this.name} had not exited ${boundMs / 1000} s after SIGTERM; killed it. Its log ends:\n${this.logTail(20)}`,
    );
  }

  /** kill -9 to its process group: no shutdown hook runs, its sessions end when the kernel closes its sockets. */
  async kill(): Promise<ProcessExit> {
    if (!this.exit) killProcessGroup(this.child);
    return this.exited;
  }

  /**
   * Kills it if it still runs (it may have exited or been killed already) and
   * removes its log's directory: the end of a test (AppInstances.killAll).
   * Its log is gone afterwards; a failure has quoted it by then.
   */
  async dispose(): Promise<void> {
    await this.kill();
    rmSync(dirname(this.logFile), { recursive: true, force: true });
  }
}
