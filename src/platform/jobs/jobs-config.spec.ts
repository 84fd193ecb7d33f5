import { ConfigurationError } from '../errors/configuration.error';
import { readJobsConfig } from './jobs-config';

const DIRECT = 'postgresql://app@db:5432/app';
const POOLED = 'postgresql://app@pgbouncer:6432/app?pgbouncer=true';

describe('readJobsConfig', () => {
  it('uses DATABASE_URL for the workers by default, with 4 jobs at once and a 60 s stale lock', () => {
    expect(readJobsConfig({ DATABASE_URL: DIRECT })).toEqual({
      databaseUrl: DIRECT,
      concurrency: 4,
      staleLockMs: 60_000,
      shutdownTimeoutMs: 10_000,
    });
  });

  it('takes JOBS_DATABASE_URL, JOBS_CONCURRENCY (0 runs none) and JOBS_STALE_LOCK_MS', () => {
    const config = readJobsConfig({ DATABASE_URL: POOLED, JOBS_DATABASE_URL: DIRECT, JOBS_CONCURRENCY: '0', JOBS_STALE_LOCK_MS: '5000' });

    expect(config).toMatchObject({ databaseUrl: DIRECT, concurrency: 0, staleLockMs: 5000 });
  });

  it('refuses a DATABASE_URL through PgBouncer without JOBS_DATABASE_URL, naming the setting to add', () => {
    expect(() => readJobsConfig({ DATABASE_URL: POOLED })).toThrow(ConfigurationError);
    expect(() => readJobsConfig({ DATABASE_URL: POOLED })).toThrow('JOBS_DATABASE_URL is not set');
  });

  it('refuses a JOBS_DATABASE_URL through PgBouncer', () => {
    expect(() => readJobsConfig({ DATABASE_URL: DIRECT, JOBS_DATABASE_URL: POOLED })).toThrow('JOBS_DATABASE_URL has ?pgbouncer=true');
  });

  it('refuses a JOBS_CONCURRENCY that is not a whole number', () => {
    expect(() => readJobsConfig({ DATABASE_URL: DIRECT, JOBS_CONCURRENCY: 'four' })).toThrow(
      'JOBS_CONCURRENCY="four" is not a whole number',
    );
  });
});
