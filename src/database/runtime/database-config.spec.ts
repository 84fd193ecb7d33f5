import { readDatabaseConfig, resolveDatabaseSchema } from './database-config';

describe('readDatabaseConfig', () => {
  const url = 'postgresql://u:p@127.0.0.1:5432/app';

  it('uses public, 10 connections and a 5 s connect timeout when nothing else is set', () => {
    expect(readDatabaseConfig({ DATABASE_URL: url, JEST_WORKER_ID: '' })).toEqual({ url, schema: 'public', poolSize: 10, connectTimeoutMs: 5000 });
  });

  it('uses test_<k> for Jest worker k and public otherwise', () => {
    expect(resolveDatabaseSchema({ JEST_WORKER_ID: '2' }, url)).toBe('test_2');
    expect(resolveDatabaseSchema({ JEST_WORKER_ID: '' }, `${url}?schema=public`)).toBe('public');
  });

  it('refuses a ?schema= that migrations would not follow, and says what to do', () => {
    expect(() => resolveDatabaseSchema({ JEST_WORKER_ID: '' }, `${url}?schema=other`)).toThrow(
      'DATABASE_URL asks for ?schema=other, but migrations create the tables in public; remove the parameter',
    );
  });

  it('rejects a pool size that is not a positive whole number', () => {
    expect(() => readDatabaseConfig({ DATABASE_URL: url, DATABASE_POOL_SIZE: '0' })).toThrow('DATABASE_POOL_SIZE="0" is not a positive whole number');
  });

  it('explains what to do when DATABASE_URL is missing', () => {
    expect(() => readDatabaseConfig({})).toThrow(/DATABASE_URL is not set; run the app with `npm start`/);
  });
});
