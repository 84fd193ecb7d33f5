import { DatabaseUnreachableError } from '../platform/errors/database-unreachable.error';
import { ConfigurationError } from '../platform/errors/configuration.error';
import { describeStartupFailure } from './startup-failure';

describe('describeStartupFailure', () => {
  const where = { host: '127.0.0.1', port: 3000, embedded: false };
  const listenError = (code: string) => Object.assign(new Error(`listen ${code}`), { code });

  it('names the address and the fix when the port is taken, forbidden or the host unknown', () => {
    expect(describeStartupFailure(listenError('EADDRINUSE'), where)).toBe(
      'cannot listen on 127.0.0.1:3000: the port is in use; stop the other process or set PORT to a free port',
    );
    expect(describeStartupFailure(listenError('EACCES'), where)).toContain('set PORT to 1024 or above');
    expect(describeStartupFailure(listenError('EADDRNOTAVAIL'), where)).toContain('set HOST');
  });

  it('blames the database only for a database error, and suggests the embedded default only when it is not in use', () => {
    const error = new DatabaseUnreachableError('cannot reach the database 127.0.0.1:5432/app: refused');

    expect(describeStartupFailure(error, where)).toContain('unset DATABASE_URL to use the embedded PostgreSQL');
    expect(describeStartupFailure(error, { ...where, embedded: true })).toContain('.data/dev/log/postgresql.log');
  });

  it('passes a configuration message through and leaves unexpected errors to the stack trace', () => {
    expect(describeStartupFailure(new ConfigurationError('PORT="x" is not a port number'), where)).toBe('PORT="x" is not a port number');
    expect(describeStartupFailure(new Error('Nest cannot resolve dependencies of FooService'), where)).toBeNull();
  });
});
