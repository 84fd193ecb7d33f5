import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { TestSetupError } from '../errors/test-setup.error';

export interface PgDump {
  path: string;
  major: number;
}

const INSTALL_HINT =
  'install the PostgreSQL client (Debian/Ubuntu: apt-get install postgresql-client-15; macOS: brew install postgresql@15) or set PG_DUMP to its path';

/** Usual install folders, newest major first: Debian/Ubuntu, RHEL (PGDG), Homebrew, source builds. */
function conventionalCandidates(): string[] {
  const versioned = (root: string, bin: (version: string) => string) =>
    existsSync(root)
      ? readdirSync(root)
          .filter((name) => /^(postgresql@|pgsql-)?\d+$/.test(name))
          .sort((a, b) => Number(b.replace(/\D/g, '')) - Number(a.replace(/\D/g, '')))
          .map(bin)
      : [];
  return [
    ...versioned('/usr/lib/postgresql', (v) => `/usr/lib/postgresql/${v}/bin/pg_dump`),
    ...versioned('/usr', (v) => `/usr/${v}/bin/pg_dump`),
    ...versioned('/opt/homebrew/opt', (v) => `/opt/homebrew/opt/${v}/bin/pg_dump`),
    '/usr/local/pgsql/bin/pg_dump',
  ];
}

function pathCandidates(env: NodeJS.ProcessEnv): string[] {
  return (env.PATH ?? '')
    .split(delimiter)
    .filter(Boolean)
    .map((dir) => join(dir, 'pg_dump'));
}

export function pgDumpMajor(path: string): number | null {
  try {
    const output = execFileSync(path, ['--version'], { encoding: 'utf8', timeout: 10_000 });
    const match = /\(PostgreSQL\)\s+(\d+)/.exec(output);
    return match ? Number(match[1]) : null;
  } catch {
    return null;
  }
}

/**
 * Finds a `pg_dump` whose major version is at least the server's: `PG_DUMP`
 * (used as given), else the first good one on `PATH`, then in the usual
 * install folders; older ones are skipped. None found is one line saying what
 * to install.
 */
export function locatePgDump(serverMajor: number, env: NodeJS.ProcessEnv = process.env, candidates = conventionalCandidates()): PgDump {
  if (env.PG_DUMP) {
    // An explicit choice is used or reported, never silently replaced.
    const major = existsSync(env.PG_DUMP) ? pgDumpMajor(env.PG_DUMP) : null;
    if (major === null) throw new TestSetupError(`PG_DUMP=${env.PG_DUMP} is not a working pg_dump; ${INSTALL_HINT}`);
    if (major < serverMajor) {
      throw new TestSetupError(
        `pg_dump ${serverMajor} or newer is required to clone the test schemas, but PG_DUMP=${env.PG_DUMP} is ${major}; ${INSTALL_HINT}`,
      );
    }
    return { path: env.PG_DUMP, major };
  }
  const ordered = [...pathCandidates(env), ...candidates];
  const tooOld: string[] = [];
  for (const path of ordered) {
    if (!existsSync(path)) continue;
    const major = pgDumpMajor(path);
    if (major === null) continue;
    if (major >= serverMajor) return { path, major };
    tooOld.push(`${path} is ${major}`);
  }
  if (tooOld.length > 0) {
    throw new TestSetupError(
      `pg_dump ${serverMajor} or newer is required to clone the test schemas, but ${tooOld.join(', ')}; ${INSTALL_HINT}`,
    );
  }
  throw new TestSetupError(
    `pg_dump not found (looked at PG_DUMP, PATH and the usual PostgreSQL folders); it clones the test schemas: ${INSTALL_HINT}`,
  );
}
