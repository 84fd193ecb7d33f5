import { describeDatabase } from '../environment/database-url';
import type { JobsConfig } from './jobs-config';
import { appQueryRows, checkJobsDatabaseTarget, type JobsDatabase } from './jobs-database';
import { checkQueueSchema } from './queue-migrations';
import { queueSchemaFor } from './queue-schema';

/**
 * The job engine's checks when the app starts, on the app's own connection:
 * the queue schema ({@link checkQueueSchema}), and, when JOBS_DATABASE_URL
 * is another URL than DATABASE_URL, that it reaches the same database
 * ({@link checkJobsDatabaseTarget}). A ConfigurationError with the fix.
 */
export async function checkJobsAtStartup(config: JobsConfig, database: JobsDatabase, warn?: (message: string) => void): Promise<void> {
  const query = appQueryRows(database);
  await checkQueueSchema(query, queueSchemaFor(database.config.schema), describeDatabase(database.config.url), warn);
  if (config.databaseUrl && config.databaseUrl !== database.config.url) {
    await checkJobsDatabaseTarget(query, database.config.url, config.databaseUrl);
  }
}
