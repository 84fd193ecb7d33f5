import { ConfigurationError } from '../../platform/errors/configuration.error';
import { readQueryVisibilitySettings } from './query-visibility-settings';

describe('readQueryVisibilitySettings', () => {
  it('logs no slow queries and counts requests with a limit of 20 by default outside production', () => {
    expect(readQueryVisibilitySettings({ NODE_ENV: 'development' })).toEqual({ slowQueryMs: undefined, requestQueryLimit: 20 });
    expect(readQueryVisibilitySettings({})).toEqual({ slowQueryMs: undefined, requestQueryLimit: 20 });
  });

  it('never counts requests in production, whatever the limit', () => {
    expect(readQueryVisibilitySettings({ NODE_ENV: 'production', DATABASE_QUERY_WARN_COUNT: '5' })).toEqual({
      slowQueryMs: undefined,
      requestQueryLimit: undefined,
    });
  });

  it('takes the slow-query threshold in milliseconds, 0 meaning every statement, in production too', () => {
    expect(readQueryVisibilitySettings({ NODE_ENV: 'production', DATABASE_SLOW_QUERY_MS: '250' }).slowQueryMs).toBe(250);
    expect(readQueryVisibilitySettings({ DATABASE_SLOW_QUERY_MS: '0' }).slowQueryMs).toBe(0);
    expect(readQueryVisibilitySettings({ DATABASE_SLOW_QUERY_MS: '' }).slowQueryMs).toBeUndefined();
  });

  it('takes the per-request limit from DATABASE_QUERY_WARN_COUNT', () => {
    expect(readQueryVisibilitySettings({ DATABASE_QUERY_WARN_COUNT: '50' }).requestQueryLimit).toBe(50);
  });

  it.each(['abc', '-1', '1.5', ' 5', '1e3'])('refuses DATABASE_SLOW_QUERY_MS="%s" with one line saying what to set', (raw) => {
    const read = () => readQueryVisibilitySettings({ DATABASE_SLOW_QUERY_MS: raw });

    expect(read).toThrow(ConfigurationError);
    expect(read).toThrow(`DATABASE_SLOW_QUERY_MS="${raw}" is not a whole number of 0 or more; set it to e.g. 200 or remove it`);
  });

  it('refuses a DATABASE_QUERY_WARN_COUNT that is not a positive whole number, also in production', () => {
    expect(() => readQueryVisibilitySettings({ DATABASE_QUERY_WARN_COUNT: '0' })).toThrow(
      'DATABASE_QUERY_WARN_COUNT="0" is not a positive whole number; set it to e.g. 20 or remove it',
    );
    expect(() => readQueryVisibilitySettings({ NODE_ENV: 'production', DATABASE_QUERY_WARN_COUNT: 'many' })).toThrow(ConfigurationError);
  });
});
