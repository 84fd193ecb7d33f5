import { AsyncLocalStorage } from 'node:async_hooks';
import { Logger } from '@nestjs/common';
import type { Prisma } from '@prisma/client';
import type { QueryMetrics } from './query-metrics';
import { QueryVisibilitySettings } from './query-visibility-settings';

/** The SQL statements one request has run so far. */
export interface RequestQueryTally {
  queries: number;
}

/** Longer statements (thousands of `IN ($1, …)` placeholders) are cut in the log. */
const MAX_LOGGED_SQL = 2000;

/**
 * Watches the SQL statements Prisma reports through its `query` events (one
 * per statement, including a transaction's COMMIT; Prisma 6.19 does not
 * report BEGIN): logs the slow ones, counts them per request and, with
 * metrics on, records their durations (QueryMetrics).
 *
 * Counting relies on Prisma emitting the event in the async context of the
 * code that awaited the query, which it does (each statement is awaited in
 * the caller's chain), so an `AsyncLocalStorage` entered per request sees
 * exactly that request's statements, also under concurrency. One exception:
 * `findUnique` calls made in the same tick are batched into one statement,
 * counted once for the first caller.
 */
export class QueryMonitor {
  private readonly tallies = new AsyncLocalStorage<RequestQueryTally>();

  constructor(
    readonly settings: QueryVisibilitySettings,
    private readonly logger = new Logger('Database'),
    private readonly metrics?: QueryMetrics,
  ) {}

  /** Only then is the client built with query events: nothing is paid per statement otherwise. */
  get needsQueryEvents(): boolean {
    return this.settings.slowQueryMs !== undefined || this.countsRequests || this.metrics !== undefined;
  }

  get countsRequests(): boolean {
    return this.settings.requestQueryLimit !== undefined;
  }

  /** Runs `work`, and everything it starts, with its statements counted into `tally`. */
  countInto(tally: RequestQueryTally, work: () => void): void {
    this.tallies.run(tally, work);
  }

  /** The handler of Prisma's `query` event. Never logs `event.params`: they may hold personal data. */
  observe(event: Prisma.QueryEvent): void {
    const tally = this.tallies.getStore();
    if (tally) tally.queries += 1;
    this.metrics?.observe(event);
    const threshold = this.settings.slowQueryMs;
    if (threshold !== undefined && event.duration > threshold) {
      this.logger.warn(`slow query: ${event.duration.toFixed(1)} ms (DATABASE_SLOW_QUERY_MS=${threshold}): ${loggedSql(event.query)}`);
    }
  }

  /** Called when a request has ended; warns when it ran more statements than allowed. */
  reportRequest(request: string, tally: RequestQueryTally): void {
    const limit = this.settings.requestQueryLimit;
    if (limit === undefined || tally.queries <= limit) return;
    this.logger.warn(
      `${request} ran ${tally.queries} database queries (limit ${limit}): look for a query inside a loop (N+1) and load those rows in one query (include, or where: { id: { in: ids } }); if this many is expected, raise DATABASE_QUERY_WARN_COUNT`,
    );
  }
}

function loggedSql(sql: string): string {
  const oneLine = sql.replace(/\s+/g, ' ').trim();
  return oneLine.length <= MAX_LOGGED_SQL ? oneLine : `${oneLine.slice(0, MAX_LOGGED_SQL)}… (${oneLine.length} characters)`;
}
