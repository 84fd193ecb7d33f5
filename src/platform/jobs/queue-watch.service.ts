import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { describeDatabase } from '../environment/database-url';
import { readQueueStatus } from './cli/queue-status';
import { queueVerdict, STUCK_AFTER_SECONDS } from './cli/status-report';
import { appQueryRows, JOBS_DATABASE, type JobsDatabase, type RawQueries } from './jobs-database';
import { queueSchemaFor } from './queue-schema';

/** How often each instance looks at the queue. */
export const QUEUE_WATCH_EVERY_MS = 60_000;
/** A stuck queue or a backlog is logged again at most this often while it lasts. */
export const QUEUE_WARNING_REPEAT_MS = 15 * 60_000;
/** Checks failing in a row before one warning: a database restart should not log anything here. */
export const QUEUE_WATCH_FAILURES_BEFORE_WARNING = 3;

/**
 * Whether this process checks its queue every QUEUE_WATCH_EVERY_MS by itself:
 * true in the app (JobsModule), whatever JOBS_CONCURRENCY says; false in test
 * servers with jobs 'manual', where a test calls checkNow().
 */
export const QUEUE_WATCH_ON_TIMER = Symbol('QUEUE_WATCH_ON_TIMER');

type QueueState = 'moving' | 'stuck' | 'backlog';

/** The database the check reads through: the app's own connection (PrismaService, JOBS_DATABASE). */
export type QueueWatchDatabase = Pick<JobsDatabase, 'config'> & RawQueries;

/** The last non-empty line of an error: Prisma puts the cause after a blank line and the call it came from. */
function reason(error: unknown): string {
  const lines = String((error as Error)?.message ?? error)
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
  return lines[lines.length - 1] ?? String(error);
}

/**
 * Puts a stuck queue in the logs, as `npm run jobs -- status` shows it: every
 * instance (also one with JOBS_CONCURRENCY=0, which may be the only one an
 * operator reads) checks its queue once a minute with one query on the app's
 * connection and logs one warning (context `Jobs`) when due jobs have waited
 * over STUCK_AFTER_SECONDS while none runs (stuck) or while some run
 * (backlog), again every QUEUE_WARNING_REPEAT_MS while it lasts, and one line
 * when it clears. The verdict, its threshold and its query are the status
 * command's. A check that fails warns once after
 * QUEUE_WATCH_FAILURES_BEFORE_WARNING in a row. /health/ready never asks it:
 * a stuck queue does not take an instance out of the load balancer.
 */
@Injectable()
export class QueueWatchService implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('Jobs');
  private readonly schema: string;
  private readonly where: string;
  private timer?: NodeJS.Timeout;
  private checking?: Promise<void>;
  private state: QueueState = 'moving';
  private warnedAt = 0;
  private failures = 0;

  constructor(
    @Inject(JOBS_DATABASE) private readonly database: QueueWatchDatabase,
    @Inject(QUEUE_WATCH_ON_TIMER) private readonly onTimer: boolean,
  ) {
    this.schema = queueSchemaFor(database.config.schema);
    this.where = `${this.schema} in ${describeDatabase(database.config.url)}`;
  }

  onApplicationBootstrap(): void {
    if (!this.onTimer) return;
    this.timer = setInterval(() => {
      // One check at a time: a database that hangs does not pile them up.
      this.checking ??= this.checkNow().finally(() => (this.checking = undefined));
    }, QUEUE_WATCH_EVERY_MS);
    this.timer.unref();
  }

  async beforeApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.checking;
  }

  /**
   * One check: reads the queue, logs what changed. `now` (ms) only spaces
   * the repeated warnings; how long jobs have waited is the database's now().
   * Never throws.
   */
  async checkNow(now: number = Date.now()): Promise<void> {
    let verdict: ReturnType<typeof queueVerdict>;
    try {
      verdict = queueVerdict(await readQueueStatus(appQueryRows(this.database), this.schema));
    } catch (error) {
      this.failures += 1;
      if (this.failures === QUEUE_WATCH_FAILURES_BEFORE_WARNING) {
        this.logger.warn(
          `cannot check the job queue ${this.where}: ${this.failures} checks in a row failed, the last with: ${reason(error)}; ` +
            'a stuck queue goes unreported in this log until it works again. Check that PostgreSQL is up and that DATABASE_URL and DATABASE_SCHEMA are right; ' +
            '`npm run jobs -- status` reads the queue by itself',
        );
      }
      return;
    }
    if (this.failures >= QUEUE_WATCH_FAILURES_BEFORE_WARNING) this.logger.log(`the job queue ${this.where} can be checked again`);
    this.failures = 0;
    const state: QueueState = verdict?.state ?? 'moving';
    if (state === 'moving') {
      if (this.state !== 'moving')
        this.logger.log(`the job queue ${this.where} is moving again: no due job has waited over ${STUCK_AFTER_SECONDS} s`);
    } else if (state !== this.state || now - this.warnedAt >= QUEUE_WARNING_REPEAT_MS) {
      this.logger.warn(
        `job queue ${this.where}: ${verdict!.line} \`npm run jobs -- status\` shows it by task; this warning repeats every ${QUEUE_WARNING_REPEAT_MS / 60_000} min while it lasts`,
      );
      this.warnedAt = now;
    }
    this.state = state;
  }
}
