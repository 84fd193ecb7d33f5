import { Logger } from '@nestjs/common';
import { Client } from 'pg';
import { outboxChannelFor, relayOutbox } from './event-outbox';

const FIRST_RETRY_MS = 1000;
const LAST_RETRY_MS = 30_000;
/** Without a notification (one lost while reconnecting, say), the outbox is still looked at this often. */
export const OUTBOX_FALLBACK_MS = 5000;
/**
 * Under load a notification arrives with every commit: passes start at most
 * this often, so each one moves the events of several commits in one
 * statement (one add_jobs call) instead of one each. An event published
 * while the relay is idle is moved at once.
 */
export const OUTBOX_MIN_PASS_INTERVAL_MS = 5;

export interface OutboxRelayOptions {
  /** A direct connection (LISTEN): JOBS_DATABASE_URL. */
  connectionString: string;
  /** The queue schema (`jobs`, `test_3_jobs`). */
  schema: string;
  fallbackMs?: number;
}

/**
 * Moves the event outbox (event-outbox.ts) into graphile-worker's queue, on
 * every instance that runs jobs. One dedicated session LISTENs on the
 * schema's outbox channel; the outbox is relayed (batch after batch until
 * empty) when a notification arrives (those that arrive meanwhile are
 * coalesced into one more pass, at most one pass per
 * OUTBOX_MIN_PASS_INTERVAL_MS), when the session opens (at start and after
 * a reconnection) and every `fallbackMs`. Each batch is one statement, so
 * two instances never move a row twice and a crash loses nothing. A lost
 * session or an unreachable database is retried with backoff (1 s doubling
 * to 30 s, logged), like the job runner: never a crash.
 */
export class OutboxRelay {
  private readonly logger = new Logger('Jobs');
  private readonly channel: string;
  private readonly fallbackMs: number;
  private stopping = false;
  private dirty = true;
  private supervising?: Promise<void>;
  /** Wakes whatever the relay waits for (a notification, the fallback, the backoff). */
  private wake?: () => void;

  constructor(private readonly options: OutboxRelayOptions) {
    this.channel = outboxChannelFor(options.schema);
    this.fallbackMs = options.fallbackMs ?? OUTBOX_FALLBACK_MS;
  }

  start(): void {
    this.supervising ??= this.supervise();
  }

  /** Lets a pass in progress finish (it is one statement per batch anyway) and closes the session. */
  async stop(): Promise<void> {
    this.stopping = true;
    this.wake?.();
    await this.supervising;
  }

  private async supervise(): Promise<void> {
    let delay = FIRST_RETRY_MS;
    while (!this.stopping) {
      const startedAt = Date.now();
      try {
        await this.relayUntilStopped();
        return;
      } catch (error) {
        if (this.stopping) return;
        this.logger.warn(`the event outbox relay of ${this.options.schema} failed: ${(error as Error).message ?? String(error)}`);
      }
      if (Date.now() - startedAt > LAST_RETRY_MS * 2) delay = FIRST_RETRY_MS;
      this.logger.warn(`restarting the event outbox relay in ${delay / 1000} s`);
      await this.sleep(delay);
      delay = Math.min(delay * 2, LAST_RETRY_MS);
    }
  }

  private async relayUntilStopped(): Promise<void> {
    const session = new Client({ connectionString: this.options.connectionString, application_name: `jobs-outbox ${this.options.schema}` });
    let lost: Error | undefined;
    const loseSession = (error: Error) => {
      lost ??= error;
      this.wake?.();
    };
    session.on('error', loseSession);
    session.on('end', () => loseSession(new Error('the database session ended')));
    session.on('notification', () => {
      this.dirty = true;
      this.wake?.();
    });
    try {
      await session.connect();
      // eslint-disable-next-line no-restricted-syntax -- LISTEN takes no parameters; the channel is quoted as an identifier
      await session.query(`LISTEN "${this.channel.replace(/"/g, '""')}"`);
      // Whatever was written while nobody listened (no instance relaying, or this session reconnecting).
      this.dirty = true;
      let lastPassAt = -Infinity;
      while (!this.stopping) {
        if (lost) throw lost;
        if (!this.dirty) {
          const woken = await this.sleep(this.fallbackMs);
          if (!woken) this.dirty = true;
          continue;
        }
        const sinceLastPass = performance.now() - lastPassAt;
        if (sinceLastPass < OUTBOX_MIN_PASS_INTERVAL_MS) {
          await this.sleep(OUTBOX_MIN_PASS_INTERVAL_MS - sinceLastPass);
          continue;
        }
        lastPassAt = performance.now();
        this.dirty = false;
        await relayOutbox(async <T>(text: string) => (await session.query(text)).rows as T[], this.options.schema);
      }
    } finally {
      session.removeAllListeners('end');
      await session.end().catch(() => undefined);
    }
  }

  /** Resolves after `ms` (false) or when woken (true). */
  private sleep(ms: number): Promise<boolean> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.wake = undefined;
        resolve(false);
      }, ms);
      this.wake = () => {
        clearTimeout(timer);
        this.wake = undefined;
        resolve(true);
      };
    });
  }
}
