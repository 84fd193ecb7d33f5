import { createRequire } from 'node:module';
import { join } from 'node:path';
import { CommandResult, runCommand } from '../run-command';
import { describeDatabase } from '../runtime/database-config';
import { readMigrationState } from './migration-state';

function runPrismaCli(args: string[], migrationUrl: string): Promise<CommandResult> {
  const cli = createRequire(join(process.cwd(), 'package.json')).resolve('prisma/build/index.js');
  return runCommand(process.execPath, [cli, ...args], {
    cwd: process.cwd(),
    env: { ...process.env, MIGRATION_DATABASE_URL: migrationUrl, PRISMA_HIDE_UPDATE_MESSAGE: '1' },
  });
}

/**
 * The database's migrations differ from prisma/migrations. `migrate deploy`
 * would report success and change nothing, so this stops instead.
 */
export class MigrationDriftError extends Error {
  override name = 'MigrationDriftError';
}

/**
 * Applies pending migrations with the project's own Prisma CLI, as the role in
 * `migrationUrl`; throws with the CLI's exit code and output when it fails.
 *
 * What is pending is read from `_prisma_migrations` first (a few
 * milliseconds) and the CLI only runs when something is: it takes about a
 * second to start, and on Prisma 6.19's WebAssembly engine `migrate deploy`
 * leaves a 10 s timer running that its process waits for.
 * @returns whether migrations were applied
 */
export async function runMigrateDeploy(migrationUrl: string, migrationsDir = join(process.cwd(), 'prisma', 'migrations')): Promise<boolean> {
  const state = await readMigrationState(migrationUrl, migrationsDir);
  if (state.modified.length > 0 || state.unknown.length > 0) {
    const what = [
      state.modified.length > 0 ? `edited after they were applied: ${state.modified.join(', ')}` : '',
      state.unknown.length > 0 ? `applied but missing from prisma/migrations: ${state.unknown.join(', ')}` : '',
    ].filter(Boolean);
    throw new MigrationDriftError(
      `the migrations of ${describeDatabase(migrationUrl)} differ from prisma/migrations (${what.join('; ')}); restore those files (for example, switch back to the branch that has them), or, in development, start the database over with \`npx prisma migrate reset\``,
    );
  }
  if (state.pending.length === 0) return false;
  const deploy = await runPrismaCli(['migrate', 'deploy'], migrationUrl);
  if (deploy.code !== 0) {
    throw new Error(`\`prisma migrate deploy\` failed with exit code ${deploy.code}:\n${deploy.output.trim()}`);
  }
  return true;
}
