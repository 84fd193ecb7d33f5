import { DatabaseUnreachableError } from '../platform/errors/database-unreachable.error';
import { ConfigurationError } from '../platform/errors/configuration.error';

const LISTEN_ERRORS: Record<string, string> = {
  EADDRINUSE: 'the port is in use; stop the other process or set PORT to a free port',
  EACCES: 'this user may not use that port; set PORT to 1024 or above',
  EADDRNOTAVAIL: 'this machine has no such address; set HOST to one of its addresses, e.g. 127.0.0.1 or 0.0.0.0',
};

/**
 * The one line an operator sees when the server cannot start, or null for an
 * unexpected error (then the stack is printed). Pure.
 */
export function describeStartupFailure(error: unknown, where: { host: string; port: number; embedded: boolean }): string | null {
  if (error instanceof ConfigurationError) return error.message;
  const code = (error as NodeJS.ErrnoException)?.code;
  if (code && LISTEN_ERRORS[code]) return `cannot listen on ${where.host}:${where.port}: ${LISTEN_ERRORS[code]}`;
  if (error instanceof DatabaseUnreachableError) {
    return where.embedded
      ? `${error.message}; the embedded PostgreSQL stopped answering, see .data/dev/log/postgresql.log`
      : `${error.message}; check that PostgreSQL is running and DATABASE_URL is right, or unset DATABASE_URL to use the embedded PostgreSQL`;
  }
  return null;
}
