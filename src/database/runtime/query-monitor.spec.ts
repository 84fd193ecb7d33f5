import { Logger } from '@nestjs/common';
import type { Prisma } from '@prisma/client';
import { QueryMonitor } from './query-monitor';

// The monitor's own decisions (threshold, limit, what a line says) with
// hand-made events. test/query-visibility.spec.ts runs it against PostgreSQL
// and over HTTP.
describe('QueryMonitor (unit)', () => {
  function monitorWith(settings: { slowQueryMs?: number; requestQueryLimit?: number }) {
    const warn = jest.fn<void, [string]>();
    const monitor = new QueryMonitor({ slowQueryMs: settings.slowQueryMs, requestQueryLimit: settings.requestQueryLimit }, {
      warn,
    } as unknown as Logger);
    return { monitor, warn };
  }

  const event = (query: string, duration: number): Prisma.QueryEvent => ({
    query,
    duration,
    params: '["ada@example.com"]',
    timestamp: new Date(0),
    target: 'ClientEngine',
  });

  it('logs a statement slower than the threshold with its duration and text, and never its parameters', () => {
    const { monitor, warn } = monitorWith({ slowQueryMs: 100 });

    monitor.observe(event('SELECT "id" FROM "AccountsUser" WHERE "email" = $1', 100));
    monitor.observe(event('SELECT "id" FROM "AccountsUser" WHERE "email" = $1', 131.25));

    expect(warn.mock.calls).toEqual([
      ['slow query: 131.3 ms (DATABASE_SLOW_QUERY_MS=100): SELECT "id" FROM "AccountsUser" WHERE "email" = $1'],
    ]);
  });

  it('puts a multi-line statement on one line and cuts a very long one, saying how long it was', () => {
    const { monitor, warn } = monitorWith({ slowQueryMs: 0 });

    monitor.observe(event('SELECT 1\n  FROM x', 1));
    monitor.observe(event(`SELECT ${'$1,'.repeat(1000)}`, 1));

    expect(warn.mock.calls[0]).toEqual(['slow query: 1.0 ms (DATABASE_SLOW_QUERY_MS=0): SELECT 1 FROM x']);
    const [cut] = warn.mock.calls[1];
    expect(cut).toMatch(/: SELECT \$1,\$1,.*… \(3007 characters\)$/);
    expect(cut.length).toBeLessThan(2100);
  });

  it('needs no query events when neither the slow-query log nor the request count is on', () => {
    expect(monitorWith({}).monitor.needsQueryEvents).toBe(false);
    expect(monitorWith({ slowQueryMs: 10 }).monitor.needsQueryEvents).toBe(true);
    expect(monitorWith({ requestQueryLimit: 20 }).monitor.needsQueryEvents).toBe(true);
  });

  it('counts only the statements run inside the tally, and warns above the limit with the N+1 hint', async () => {
    const { monitor, warn } = monitorWith({ requestQueryLimit: 2 });
    const tally = { queries: 0 };

    monitor.observe(event('SELECT outside', 1));
    monitor.countInto(tally, () => {
      monitor.observe(event('SELECT 1', 1));
      setImmediate(() => monitor.observe(event('SELECT 2', 1)));
    });
    await new Promise((resolve) => setImmediate(resolve));
    monitor.reportRequest('GET /a', tally);
    monitor.observe(event('SELECT 3', 1)); // after the request: not in its tally
    monitor.reportRequest('GET /a', tally);
    monitor.countInto(tally, () => monitor.observe(event('SELECT 4', 1)));
    monitor.reportRequest('GET /a', tally);

    expect(tally.queries).toBe(3);
    expect(warn.mock.calls).toEqual([
      [
        'GET /a ran 3 database queries (limit 2): look for a query inside a loop (N+1) and load those rows in one query (include, or where: { id: { in: ids } }); if this many is expected, raise DATABASE_QUERY_WARN_COUNT',
      ],
    ]);
  });
});
