import { readDatabaseConfig, resolveDatabaseSchema } from './database-config';

describe('readDatabaseConfig', () => {
  const url = 'postgresql://u:p@127.0.0.1:5432/app';

  it('uses public, 10 connections and a 5 s connect timeout when nothing else is set', () => {
    expect(readDatabaseConfig({ DATABASE_URL: url, JEST_WORKER_ID: '' })).toEqual({ url, schema: 'public', poolSize: 10, connectTimeoutMs: 5000 });
  });

  it('takes the schema from the Jest worker id, then DATABASE_SCHEMA, then the URL ?schema= parameter', () => {
    expect(resolveDatabaseSchema({ DATABASE_SCHEMA: 'test_3' }, `${url}?schema=other`)).toBe('test_3');
    expect(resolveDatabaseSchema({ JEST_WORKER_ID: '2', DATABASE_SCHEMA: 'public' }, url)).toBe('test_2');
    expect(resolveDatabaseSchema({ JEST_WORKER_ID: '' }, `${url}?schema=other`)).toBe('other');
  });

  it('rejects a schema name that is not a plain identifier and says how to fix it', () => {
    expect(() => resolveDatabaseSchema({ DATABASE_SCHEMA: 'x"; drop' }, url)).toThrow(/not a plain lower-case PostgreSQL identifier.*DATABASE_SCHEMA/);
  });

  it('rejects a pool size that is not a positive whole number', () => {
    expect(() => readDatabaseConfig({ DATABASE_URL: url, DATABASE_POOL_SIZE: '0' })).toThrow('DATABASE_POOL_SIZE="0" is not a positive whole number');
  });

  it('explains what to do when DATABASE_URL is missing', () => {
    expect(() => readDatabaseConfig({})).toThrow(/DATABASE_URL is not set; run the app with `npm start`/);
  });
});
