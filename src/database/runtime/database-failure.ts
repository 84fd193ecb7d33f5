import { types } from 'node:util';
import { Prisma } from '@prisma/client';

/**
 * What went wrong in the database, in the terms a caller acts on:
 * - `unavailable`: no connection could be made or kept (down, restarting,
 *   full, unreachable); the same request may work in a moment.
 * - `timeout`: a statement ran longer than the statement timeout.
 * - `write-conflict`: a concurrent transaction won (serialization failure,
 *   deadlock); running the whole request again usually works.
 * - `unique` / `foreign-key`: the data conflicts with other rows.
 * - `not-found`: the row an update or delete needed is gone.
 * - `invalid-value`: a value does not fit its column (too long, missing).
 */
export type DatabaseFailureKind = 'unavailable' | 'timeout' | 'write-conflict' | 'unique' | 'foreign-key' | 'not-found' | 'invalid-value';

export interface DatabaseFailure {
  kind: DatabaseFailureKind;
  /** The most specific code found (Prisma `P…`, SQLSTATE, driver kind or errno), for the log line. */
  code: string;
}

/** Prisma's own codes, as the query engine reports them for model queries. */
const PRISMA_CODES: Record<string, DatabaseFailureKind> = {
  P1001: 'unavailable', // can't reach database server
  P1002: 'unavailable', // reached, but timed out
  P1017: 'unavailable', // server closed the connection
  P2024: 'unavailable', // timed out fetching a connection from the pool
  P2028: 'unavailable', // transaction API error: could not start one in time (pool busy), or it expired
  P2037: 'unavailable', // too many database connections opened
  P2002: 'unique',
  P2003: 'foreign-key',
  P2025: 'not-found',
  P2000: 'invalid-value', // value too long for the column
  P2011: 'invalid-value', // null constraint violation
  P2014: 'invalid-value', // the change would violate a required relation
  P2034: 'write-conflict',
};

/**
 * `@prisma/adapter-pg` 6.19's `DriverAdapterError` kinds. Raw queries
 * (`$queryRaw`) report every failure as P2010 with only this to go on, and
 * model queries carry it beside their P-code.
 */
const ADAPTER_KINDS: Record<string, DatabaseFailureKind> = {
  DatabaseNotReachable: 'unavailable',
  ConnectionClosed: 'unavailable',
  SocketTimeout: 'unavailable',
  TooManyConnections: 'unavailable',
  TransactionWriteConflict: 'write-conflict',
  UniqueConstraintViolation: 'unique',
  ForeignKeyConstraintViolation: 'foreign-key',
  LengthMismatch: 'invalid-value',
  NullConstraintViolation: 'invalid-value',
};

/** PostgreSQL SQLSTATEs that the adapter passes on as kind `postgres`. */
const SQLSTATES: Record<string, DatabaseFailureKind> = {
  '57P01': 'unavailable', // admin_shutdown: the server is stopping, or pg_terminate_backend
  '57P02': 'unavailable', // crash_shutdown
  '57P03': 'unavailable', // cannot_connect_now: starting up or shutting down
  '53300': 'unavailable', // too_many_connections
  '25P03': 'unavailable', // idle_in_transaction_session_timeout ended the session
  '57014': 'timeout', // query_canceled: statement_timeout
  '40001': 'write-conflict', // serialization_failure
  '40P01': 'write-conflict', // deadlock_detected
  '23505': 'unique',
  '23503': 'foreign-key',
  '22001': 'invalid-value',
  '22021': 'invalid-value', // character_not_in_repertoire: a NUL in text a component failed to refuse
  '22P05': 'invalid-value', // untranslatable_character
  '23502': 'invalid-value',
};

/** Socket errors of node-postgres when the server is gone or never answers. */
const SOCKET_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'ENOTFOUND', 'EPIPE', 'EHOSTUNREACH']);

/**
 * Plain `Error`s of node-postgres that the adapter 6.19 rethrows unwrapped:
 * the pool's connect timeout, and a connection the server dropped.
 */
const CONNECTION_MESSAGES = [
  /^timeout exceeded when trying to connect$/,
  /^Connection terminated due to connection timeout$/,
  /^Connection terminated unexpectedly$/,
  /^Client has encountered a connection error and is not queryable$/,
];

interface MaybeAdapterCause {
  kind?: unknown;
  originalCode?: unknown;
  code?: unknown;
}

/**
 * Classifies a failure of a Prisma or node-postgres call, or returns
 * undefined when it is not a database failure (a bug, a validation error of
 * the query itself). Reads every shape Prisma 6.19 over adapter-pg produces:
 * known request errors with a P-code, P2010 raw-query errors and
 * `DriverAdapterError`s with the adapter's cause, initialisation errors, and
 * the driver's plain errors, following `cause` chains.
 */
export function classifyDatabaseFailure(error: unknown): DatabaseFailure | undefined {
  for (let current = error, depth = 0; isError(current) && depth < 5; current = current.cause, depth += 1) {
    const found = classifyOne(current, depth === 0);
    if (found) return found;
  }
  return undefined;
}

/**
 * Node's own errors (a refused connect) come from Node's realm, not from
 * the caller's: under Jest's sandbox they fail `instanceof Error`. The fast
 * path (Kysely over pg) hands them on unwrapped, where Prisma's adapter
 * wrapped them.
 */
const isError = (value: unknown): value is Error => value instanceof Error || types.isNativeError(value);

/** SQLSTATE class 08, connection exception: also how PgBouncer reports a server it cannot reach (08P01). */
const sqlStateKind = (code: string): DatabaseFailureKind | undefined =>
  SQLSTATES[code] ?? (code.startsWith('08') ? 'unavailable' : undefined);

function classifyOne(error: Error, thrown: boolean): DatabaseFailure | undefined {
  const adapterCause = adapterCauseOf(error);
  if (adapterCause) {
    const sqlState = typeof adapterCause.originalCode === 'string' ? adapterCause.originalCode : adapterCause.code;
    const kind = typeof sqlState === 'string' ? sqlStateKind(sqlState) : undefined;
    if (kind && typeof sqlState === 'string') return { kind, code: sqlState };
    if (typeof adapterCause.kind === 'string' && ADAPTER_KINDS[adapterCause.kind]) {
      return { kind: ADAPTER_KINDS[adapterCause.kind], code: adapterCause.kind };
    }
  }
  const prismaCode =
    error instanceof Prisma.PrismaClientKnownRequestError
      ? error.code
      : error instanceof Prisma.PrismaClientInitializationError
        ? error.errorCode
        : undefined;
  if (prismaCode && PRISMA_CODES[prismaCode]) return { kind: PRISMA_CODES[prismaCode], code: prismaCode };
  if (error instanceof Prisma.PrismaClientInitializationError) return { kind: 'unavailable', code: prismaCode ?? 'initialisation' };

  // node-postgres itself: a DatabaseError with a SQLSTATE, a socket error, or a plain message.
  const code = (error as { code?: unknown }).code;
  // (pg's DatabaseError carries the server's `severity`; other libraries' `code`s are not SQLSTATEs.)
  const fromServer = typeof (error as { severity?: unknown }).severity === 'string';
  const serverKind = typeof code === 'string' && fromServer ? sqlStateKind(code) : undefined;
  if (serverKind && typeof code === 'string') return { kind: serverKind, code };
  // Bare socket errors and driver messages count only as the thrown error
  // itself: as the cause of something else (an HTTP client's "fetch failed",
  // an HttpException) they are not the database's.
  if (!thrown) return undefined;
  if (typeof code === 'string' && SOCKET_CODES.has(code)) return { kind: 'unavailable', code };
  if (CONNECTION_MESSAGES.some((pattern) => pattern.test(error.message))) return { kind: 'unavailable', code: error.message };
  return undefined;
}

/** The adapter's cause: on a `DriverAdapterError` itself, or in a Prisma error's `meta.driverAdapterError`. */
function adapterCauseOf(error: Error): MaybeAdapterCause | undefined {
  if (error.name === 'DriverAdapterError' && typeof error.cause === 'object' && error.cause !== null) {
    return error.cause;
  }
  if (error instanceof Prisma.PrismaClientKnownRequestError) {
    const adapterError = (error.meta as { driverAdapterError?: { cause?: unknown } } | undefined)?.driverAdapterError;
    if (typeof adapterError?.cause === 'object' && adapterError.cause !== null) return adapterError.cause;
  }
  return undefined;
}
