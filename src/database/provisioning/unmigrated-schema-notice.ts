import { compareSchemaWithMigrations, MIGRATE_DEV_COMMAND } from '../migration/schema-migrations-comparison';

/** The one line `npm start` and `npm run dev` print when a component schema changed after the last migration. */
export const SCHEMA_CHANGED_LINE = `schema changed since the last migration: run ${MIGRATE_DEV_COMMAND}`;

/**
 * Warns, in one line, when the collected schema differs from what the applied
 * migrations produce: the app then starts on the migrated tables, while the
 * client was generated from the edited schema. Never migrates: only the
 * developer knows what the migration should be called and contain. A failed
 * comparison is reported and does not stop the start; the cached verdict makes
 * an unchanged start pay only for hashing the schema and migration files.
 */
export async function noticeUnmigratedSchema(
  migrationUrl: string,
  warn: (line: string) => void,
  projectRoot = process.cwd(),
): Promise<void> {
  try {
    const { inStep } = await compareSchemaWithMigrations({ migrationUrl, projectRoot });
    if (!inStep) warn(SCHEMA_CHANGED_LINE);
  } catch (error) {
    const reason = (error as Error).message.split('\n')[0];
    warn(`could not compare the schema with prisma/migrations (${reason}); run npm run db:check to see why`);
  }
}
