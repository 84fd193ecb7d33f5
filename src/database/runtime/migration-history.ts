import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The one place that knows where the migrations live and how Prisma records
 * the applied ones. Migrations always go to `public`; worker and other
 * schemas are copies of it.
 */

/** The migrations folder, relative to the project root (as prisma.config.ts gives it to the CLI). */
export const MIGRATIONS_PATH = 'prisma/migrations';

/** The migrations folder of the project at `projectRoot` (default: the working directory, where `npm start` and the CLI run). */
export function migrationsDir(projectRoot = process.cwd()): string {
  return join(projectRoot, MIGRATIONS_PATH);
}

/** Whether Prisma's history table exists yet (a database never migrated has none): one row, `present`. */
export const MIGRATIONS_TABLE_EXISTS_SQL = `SELECT to_regclass('public._prisma_migrations') IS NOT NULL AS present`;

/** The migrations that finished and were not rolled back: `migration_name`, `checksum` (SHA-256 of migration.sql). */
export const APPLIED_MIGRATIONS_SQL =
  'SELECT migration_name, checksum FROM public._prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL';

export interface AppliedMigrationRow {
  migration_name: string;
  checksum: string;
}

/** The migration folders in `dir` (those with a migration.sql), sorted by name; none when the folder is missing. */
export function listMigrationNames(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(dir, entry.name, 'migration.sql')))
    .map((entry) => entry.name)
    .sort();
}
