import { readDatabaseConfig, resolveDatabaseSchema, validateDatabaseSettings } from './database-config';
import { poolConfigOf } from './pool-config';

describe('readDatabaseConfig', () => {
  const url = 'postgresql://u:p@127.0.0.1:5432/app';

  it('uses public, 10 connections, a 5 s connect, 10 s statement and 15 s idle-in-transaction timeout and 1000 cached plans when nothing else is set', () => {
    expect(readDatabaseConfig({ DATABASE_URL: url })).toEqual({
      url,
      schema: 'public',
      poolSize: 10,
      connectTimeoutMs: 5000,
      statementTimeoutMs: 10_000,
      idleInTransactionTimeoutMs: 15_000,
      viaPgBouncer: false,
      queryPlanCacheSize: 1000,
    });
  });

  it('reads the plan cache size, 0 turning it off, and refuses anything but digits', () => {
    expect(readDatabaseConfig({ DATABASE_URL: url, DATABASE_QUERY_PLAN_CACHE_SIZE: '0' }).queryPlanCacheSize).toBe(0);
    expect(readDatabaseConfig({ DATABASE_URL: url, DATABASE_QUERY_PLAN_CACHE_SIZE: '250' }).queryPlanCacheSize).toBe(250);
    expect(() => readDatabaseConfig({ DATABASE_URL: url, DATABASE_QUERY_PLAN_CACHE_SIZE: '-1' })).toThrow(
      'DATABASE_QUERY_PLAN_CACHE_SIZE="-1" is not a whole number of 0 or more; set it to e.g. 1000 or remove it',
    );
  });

  it('reads the statement and idle-in-transaction timeouts from the environment and sends them as startup parameters', () => {
    const config = readDatabaseConfig({
      DATABASE_URL: url,
      DATABASE_STATEMENT_TIMEOUT_MS: '2500',
      DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS: '4000',
    });

    expect(poolConfigOf(config)).toMatchObject({
      statement_timeout: 2500,
      idle_in_transaction_session_timeout: 4000,
      options: '-c search_path=public,public',
    });
  });

  it('refuses a timeout that is not a positive whole number, naming the variable', () => {
    expect(() => readDatabaseConfig({ DATABASE_URL: url, DATABASE_STATEMENT_TIMEOUT_MS: '10s' })).toThrow(
      'DATABASE_STATEMENT_TIMEOUT_MS="10s" is not a positive whole number; set it to e.g. 10000 or remove it',
    );
  });

  it('sends no startup parameters through PgBouncer (?pgbouncer=true), which refuses them, and drops the flag from the URL', () => {
    const config = readDatabaseConfig({ DATABASE_URL: `${url}?pgbouncer=true&sslmode=disable` });
    const pool = poolConfigOf(config);

    expect(config).toMatchObject({ viaPgBouncer: true, url: `${url}?sslmode=disable` });
    expect(pool).not.toHaveProperty('options');
    expect(pool).not.toHaveProperty('statement_timeout');
    expect(pool).not.toHaveProperty('idle_in_transaction_session_timeout');
  });

  it('refuses another schema than public through PgBouncer, saying why', () => {
    expect(() => readDatabaseConfig({ DATABASE_URL: `${url}?pgbouncer=true`, DATABASE_SCHEMA: 'test_1' })).toThrow(
      /DATABASE_SCHEMA="test_1" cannot be used through PgBouncer.*remove DATABASE_SCHEMA, or connect to PostgreSQL directly/,
    );
  });

  it('refuses a pgbouncer flag other than true or false', () => {
    expect(() => readDatabaseConfig({ DATABASE_URL: `${url}?pgbouncer=yes` })).toThrow(
      'DATABASE_URL has ?pgbouncer=yes; use pgbouncer=true when the URL points at PgBouncer, or remove it',
    );
  });

  it('uses DATABASE_SCHEMA when set and public otherwise', () => {
    expect(resolveDatabaseSchema({ DATABASE_SCHEMA: 'test_2' }, url)).toBe('test_2');
    expect(resolveDatabaseSchema({ DATABASE_SCHEMA: '' }, `${url}?schema=public`)).toBe('public');
  });

  it('refuses a DATABASE_SCHEMA that is not a plain lower-case identifier, and says what to do', () => {
    expect(() => resolveDatabaseSchema({ DATABASE_SCHEMA: 'x; DROP TABLE "BillingInvoice"' }, url)).toThrow(
      'DATABASE_SCHEMA="x; DROP TABLE "BillingInvoice"" is not a plain schema name; use lower-case letters, digits and underscores',
    );
  });

  it('refuses a ?schema= that migrations would not follow, and says what to do', () => {
    expect(() => resolveDatabaseSchema({}, `${url}?schema=other`)).toThrow(
      'DATABASE_URL asks for ?schema=other, but migrations create the tables in public; remove the parameter',
    );
  });

  it('rejects a pool size that is not a positive whole number', () => {
    expect(() => readDatabaseConfig({ DATABASE_URL: url, DATABASE_POOL_SIZE: '0' })).toThrow(
      'DATABASE_POOL_SIZE="0" is not a positive whole number',
    );
  });

  it('explains what to do when DATABASE_URL is missing', () => {
    expect(() => readDatabaseConfig({})).toThrow(/DATABASE_URL is not set; run the app with `npm start`/);
  });

  it('checks the query-visibility settings with the others, before anything starts', () => {
    expect(() => validateDatabaseSettings({ DATABASE_SLOW_QUERY_MS: '200ms' })).toThrow(
      'DATABASE_SLOW_QUERY_MS="200ms" is not a whole number of 0 or more; set it to e.g. 200 or remove it',
    );
    expect(() => validateDatabaseSettings({ DATABASE_SLOW_QUERY_MS: '200', DATABASE_QUERY_WARN_COUNT: '30' })).not.toThrow();
  });
});
