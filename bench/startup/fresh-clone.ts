import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { resolvePostgresBinaries } from '../../src/database/embedded/embedded-binaries';
import { postgresRunAs } from '../../src/database/embedded/os-user';

/** A clone of the project in a temporary folder, with dependencies in place. */
export interface FreshClone {
  root: string;
  /** How node_modules got there, for the report. */
  install: string;
  /** Stops the clone's embedded PostgreSQL if one is left running, and deletes the folder. */
  remove(): void;
}

/**
 * `git clone` of the project's committed HEAD (uncommitted changes are not
 * in it) into a temporary folder, with node_modules as a hard-linked copy of
 * the project's own: seconds instead of half a minute of `npm ci`, and no
 * network. Only the folders a start writes into are left out, so they are
 * written fresh, as after an install, and never through a link into the
 * project's files: `.prisma/` (the generated client) and `.cache/` (webpack's
 * cache). Unlike `npm ci`, no install script runs, so the first start also
 * generates the client and initialises the database (the client's
 * postinstall does both during `npm ci`): an upper bound for a newcomer.
 */
export function cloneProject(projectRoot: string): FreshClone {
  const parent = mkdtempSync(join(tmpdir(), 'startup-bench-'));
  // As root, PostgreSQL runs as the user "postgres", which must reach .data/.
  chmodSync(parent, 0o755);
  const root = join(parent, 'clone');
  const remove = () => {
    stopLeftoverCluster(root);
    rmSync(parent, { recursive: true, force: true });
  };
  try {
    execFileSync('git', ['clone', '--quiet', '--no-hardlinks', projectRoot, root], { stdio: 'pipe' });
    execFileSync('cp', ['-al', join(projectRoot, 'node_modules'), join(root, 'node_modules')], { stdio: 'pipe' });
    for (const written of ['.prisma', '.cache']) rmSync(join(root, 'node_modules', written), { recursive: true, force: true });
  } catch (error) {
    remove();
    throw error;
  }
  return { root, install: 'hard-linked copy of node_modules without .prisma/ and .cache/ (no install scripts)', remove };
}

/** After a killed run: the server runs in its own session, so killing the app's process group leaves it. */
function stopLeftoverCluster(root: string): void {
  const dataDir = join(root, '.data', 'dev', 'postgres');
  if (!existsSync(join(dataDir, 'postmaster.pid'))) return;
  spawnSync(resolvePostgresBinaries().pgCtl, ['stop', '-D', dataDir, '-m', 'immediate', '-w'], { ...postgresRunAs(), stdio: 'ignore' });
}
