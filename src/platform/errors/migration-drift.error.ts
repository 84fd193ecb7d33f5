import { ConfigurationError } from './configuration.error';

/**
 * The database's applied migrations differ from `prisma/migrations` (a file
 * edited after it was applied, or one from another branch). `migrate deploy`
 * would report success and change nothing, so the start stops instead; the
 * message names the migrations and the fix.
 */
export class MigrationDriftError extends ConfigurationError {
  override name = 'MigrationDriftError';
}
