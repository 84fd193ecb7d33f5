import { Body, Controller, Get, Logger, Param, Post, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { pageLocals } from '../../../platform/http/page-locals';
import { PRODUCTION_SETTINGS } from '../../../testing/environment/production-settings';
import { CookieClient } from '../../../testing/http/cookie-client';
import { startTestServer } from '../../../testing/start-test-server';
import { PrismaService } from '../prisma.service';

/** Statement order across requests, to prove that the concurrent ones interleave. */
const statementLog: string[] = [];

/** Requests waiting for each other, so that they really run at the same time. */
const waiting: Array<() => void> = [];

function meet(parties: number): Promise<void> {
  return new Promise((resolve) => {
    waiting.push(resolve);
    if (waiting.length === parties) waiting.splice(0).forEach((release) => release());
  });
}

/** Runs as many SQL statements as the path says, one after the other; `?meet=n`: each half once n such requests have got there. */
@Controller('query-count-probe')
class QueryCountProbeController {
  constructor(private readonly prisma: PrismaService) {}

  @Get(':count')
  async run(@Param('count') count: string, @Query('meet') parties?: string): Promise<string> {
    const half = Math.floor(Number(count) / 2);
    for (let i = 0; i < Number(count); i += 1) {
      // Meeting before the first and before the second half makes the
      // requests overlap whatever the scheduler does: each runs statements
      // both before and after the other's.
      if (parties && (i === 0 || i === half)) await meet(Number(parties));
      await this.prisma.$queryRaw`SELECT ${i}::int AS step`;
      statementLog.push(count);
    }
    return `ran ${count}`;
  }

  /** A form's CSRF token, for the POST below. */
  @Get('form/token')
  token(@Res({ passthrough: true }) response: Response): string {
    return `<input name="_csrf" value="${pageLocals(response).csrfToken!()}">`;
  }

  /** The same from a form body: statements after body parsing and the CSRF guard count too. */
  @Post('form')
  async runFromForm(@Body('count') count: string): Promise<string> {
    return this.run(count, undefined);
  }
}

describe('query visibility against PostgreSQL', () => {
  const envBefore = { ...process.env };
  let warn: jest.SpyInstance;

  beforeEach(() => {
    statementLog.length = 0;
    warn = jest.spyOn(Logger.prototype, 'warn');
  });

  afterEach(() => {
    warn.mockRestore();
    for (const name of [...Object.keys(PRODUCTION_SETTINGS), 'DATABASE_SLOW_QUERY_MS', 'DATABASE_QUERY_WARN_COUNT']) {
      if (envBefore[name] === undefined) delete process.env[name];
      else process.env[name] = envBefore[name];
    }
  });

  /** What was logged through `new Logger('Database')`, in order. */
  function databaseWarnings(): string[] {
    return warn.mock.calls
      .filter((_, i) => (warn.mock.contexts[i] as { context?: string }).context === 'Database')
      .map(([message]) => String(message));
  }

  it('logs a statement slower than DATABASE_SLOW_QUERY_MS with its duration and SQL, never the values it was given', async () => {
    process.env.DATABASE_SLOW_QUERY_MS = '150';
    const prisma = new PrismaService();
    try {
      const who = 'ada.lovelace@example.com';
      await prisma.$queryRaw`SELECT pg_sleep(0.3)::text, ${who}::text AS who`;
      await prisma.$queryRaw`SELECT ${who}::text AS who`;
    } finally {
      await prisma.$disconnect();
    }

    // Only the sleeping statement is sure to be over the threshold; on a busy
    // machine the other may be too (the unit test checks the threshold itself).
    const slow = databaseWarnings().filter((line) => line.startsWith('slow query') && line.includes('pg_sleep'));
    expect(slow).toHaveLength(1);
    expect(databaseWarnings().filter((line) => line.includes('ada.lovelace'))).toEqual([]);
    const [, ms] = /^slow query: (\d+\.\d) ms \(DATABASE_SLOW_QUERY_MS=150\): SELECT pg_sleep\(0\.3\)::text, \$1::text AS who$/.exec(
      slow[0],
    )!;
    expect(Number(ms)).toBeGreaterThanOrEqual(300);
    expect(slow[0]).not.toContain('ada.lovelace');
  });

  it('counts the statements of two concurrent requests separately and warns about each one over the limit', async () => {
    process.env.DATABASE_QUERY_WARN_COUNT = '20';
    const server = await startTestServer({ controllers: [QueryCountProbeController] });
    try {
      const responses = await Promise.all(
        ['/query-count-probe/25?meet=2&who=ada@example.com', '/query-count-probe/31?meet=2', '/query-count-probe/3'].map((path) =>
          fetch(`${server.baseUrl}${path}`),
        ),
      );
      expect(await Promise.all(responses.map((response) => response.text()))).toEqual(['ran 25', 'ran 31', 'ran 3']);
    } finally {
      await server.close();
    }

    // The two ran at the same time (they met before each half): each ran
    // statements while the other was under way. Had the counts leaked
    // between them, the totals would differ. The warnings are written when a
    // response closes; server.close() returned once every response had.
    expect(statementLog.indexOf('31')).toBeLessThan(statementLog.lastIndexOf('25'));
    expect(statementLog.indexOf('25')).toBeLessThan(statementLog.lastIndexOf('31'));
    expect(databaseWarnings().sort()).toEqual([
      'GET /query-count-probe/25 ran 25 database queries (limit 20): look for a query inside a loop (N+1) and load those rows in one query (include, or where: { id: { in: ids } }); if this many is expected, raise DATABASE_QUERY_WARN_COUNT',
      'GET /query-count-probe/31 ran 31 database queries (limit 20): look for a query inside a loop (N+1) and load those rows in one query (include, or where: { id: { in: ids } }); if this many is expected, raise DATABASE_QUERY_WARN_COUNT',
    ]);
  });

  it('counts the statements of a form submission, run after its body is parsed', async () => {
    process.env.DATABASE_QUERY_WARN_COUNT = '20';
    const server = await startTestServer({ controllers: [QueryCountProbeController] });
    try {
      const browser = new CookieClient(server.baseUrl);
      const _csrf = CookieClient.csrfTokenIn(await (await browser.get('/query-count-probe/form/token')).text());
      const response = await browser.postForm('/query-count-probe/form', { _csrf, count: '22' });
      expect(await response.text()).toBe('ran 22');
    } finally {
      await server.close();
    }

    expect(databaseWarnings()).toEqual([expect.stringMatching(/^POST \/query-count-probe\/form ran 22 database queries \(limit 20\): /)]);
  });

  it('neither counts requests nor logs statements in production unless DATABASE_SLOW_QUERY_MS is set', async () => {
    Object.assign(process.env, PRODUCTION_SETTINGS);
    process.env.DATABASE_QUERY_WARN_COUNT = '2';
    const server = await startTestServer({ controllers: [QueryCountProbeController] });
    try {
      expect(server.prisma.queries.needsQueryEvents).toBe(false);
      expect(await (await fetch(`${server.baseUrl}/query-count-probe/5`)).text()).toBe('ran 5');
    } finally {
      await server.close();
    }

    expect(databaseWarnings()).toEqual([]);
  });
});
