import { readDatabaseConfig, resolveDatabaseSchema, validateDatabaseSettings } from './database-config';

describe('readDatabaseConfig', () => {
  const url = 'postgresql://u:p@127.0.0.1:5432/app';

  it('uses public, 10 connections and a 5 s connect timeout when nothing else is set', () => {
    expect(readDatabaseConfig({ DATABASE_URL: url })).toEqual({ url, schema: 'public', poolSize: 10, connectTimeoutMs: 5000 });
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
