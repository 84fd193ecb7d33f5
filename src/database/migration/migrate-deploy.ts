import { MigrationDriftError } from '../../platform/errors/migration-drift.error';
import { migrateJobQueue } from '../../platform/jobs/queue-migrations';
import { queueSchemaFor } from '../../platform/jobs/queue-schema';
import { runPrismaCli } from '../process/prisma-cli';
import { describeDatabase } from '../runtime/database-config';
import { migrationsDir as defaultMigrationsDir } from '../runtime/migration-history';
import { readMigrationState } from './migration-state';
import { SKIP_SCHEMA_COPIES_SYNC } from './schema-copies-sync';

/**
 * Applies pending migrations with the project's own Prisma CLI, as the role in
 * `migrationUrl`; rejects with the CLI's exit code and output when it fails,
 * and with `MigrationDriftError` when the database's migrations differ from
 * the folder.
 *
 * What is pending is read from `_prisma_migrations` first (a few
 * milliseconds) and the CLI only runs when something is: it takes about a
 * second to start (less without the schema refresh, see schema-copies-sync.ts).
 *
 * Then the job queue schema beside `public` (`jobs`): graphile-worker's own
 * migrations, a catalog query when it is current (docs/architecture.md,
 * "Events and jobs").
 * @returns whether Prisma migrations were applied
 */
export async function runMigrateDeploy(migrationUrl: string, migrationsDir = defaultMigrationsDir()): Promise<boolean> {
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
  if (state.pending.length > 0) {
    // The build (npm start) or generate step (tests) has just written prisma/schema/.
    await runPrismaCli(['migrate', 'deploy'], {
      env: { ...process.env, MIGRATION_DATABASE_URL: migrationUrl, [SKIP_SCHEMA_COPIES_SYNC]: '1' },
    });
  }
  await migrateJobQueue(migrationUrl, queueSchemaFor('public'));
  return state.pending.length > 0;
}
