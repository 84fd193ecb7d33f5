import type { INestApplication } from '@nestjs/common';
import { closeGracefully } from './graceful-shutdown';

/** Beyond SHUTDOWN_TIMEOUT_MS: time for the shutdown hooks and the embedded database to stop. */
export const HARD_EXIT_GRACE_MS = 10_000;

/** What a stop needs to know about the process; main.ts passes the real one. */
export interface StopTarget {
  /** The app once it exists; undefined while the embedded database is still being provisioned. */
  app(): INestApplication | undefined;
  /** Stops the embedded PostgreSQL if this process started it (waits for provisioning first). */
  stopDatabase(): Promise<void>;
  /** For the hard-exit timer, where waiting is no longer possible. */
  stopDatabaseNow(): void;
}

export interface StopOptions {
  timeoutMs: number;
  hardExitGraceMs?: number;
  log: (line: string) => void;
  warn: (line: string) => void;
  error: (line: string) => void;
  exit: (code: number) => void;
}

/**
 * Stops the process cleanly on SIGTERM and SIGINT, in this order: readiness
 * turns 503 and the server stops accepting connections; requests in progress
 * finish (at most `timeoutMs`, then they are cut) while the job runner takes no
 * new job and lets the running ones finish by the same deadline; Nest's shutdown hooks run
 * (PrismaService disconnects); the embedded PostgreSQL stops; exit 0. A
 * hard-exit timer ends the process with 1 if any step hangs.
 *
 * `on`, not `once`: Ctrl-C under `npm start` arrives twice (the terminal's
 * and npm's forwarded copy), and an unhandled second one would kill the
 * process halfway through stopping the database.
 */
/** @returns whether a stop has begun, for a startup failure to leave the stopping to it */
export function stopOnSignals(signals: NodeJS.EventEmitter, target: StopTarget, options: StopOptions): () => boolean {
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    const hardExitAfter = options.timeoutMs + (options.hardExitGraceMs ?? HARD_EXIT_GRACE_MS);
    options.log(`${signal} received: finishing the requests in progress (at most ${options.timeoutMs} ms), then stopping`);
    const hardExit = setTimeout(() => {
      options.error(`error: still stopping ${hardExitAfter} ms after ${signal}; exiting now`);
      target.stopDatabaseNow();
      options.exit(1);
    }, hardExitAfter);
    hardExit.unref();
    let exitCode = 0;
    try {
      const app = target.app();
      if (app) {
        const { cut } = await closeGracefully(app, options.timeoutMs);
        if (cut > 0) options.warn(`${cut} request(s) still running after SHUTDOWN_TIMEOUT_MS=${options.timeoutMs} were cut off`);
      }
    } catch (error) {
      exitCode = 1;
      options.error(`stopping the app failed: ${(error as Error).message}`);
    }
    try {
      await target.stopDatabase();
    } catch (error) {
      exitCode = 1;
      options.error(`stopping the embedded PostgreSQL failed: ${(error as Error).message}`);
    }
    clearTimeout(hardExit);
    options.log('stopped');
    options.exit(exitCode);
  };
  signals.on('SIGINT', () => void stop('SIGINT'));
  signals.on('SIGTERM', () => void stop('SIGTERM'));
  return () => stopping;
}
