import { join } from 'node:path';
import {
  compareSchemaWithMigrations,
  SchemaMigrationsComparison,
  SchemaMigrationsComparisonOptions,
  schemaMigrationsFingerprint,
  SchemaMigrationsFingerprint,
} from '../../src/database/migration/schema-migrations-comparison';
import { PrismaCliError } from '../../src/platform/errors/prisma-cli.error';
import { SCHEMA_CHANGED_LINE } from '../../src/database/provisioning/unmigrated-schema-notice';
import { suggestMigrationName } from './migration-name';
import { readSchemaOwners } from './schema-owners';

export interface MigrationReminderOptions {
  /** Where package.json, prisma.config.ts and prisma/ are. */
  projectRoot: string;
  /** Owner role that may create the shadow database; default: what prisma.config.ts picks. */
  migrationUrl?: string;
  /** Default: the real comparison (the Prisma CLI, cached on disk). */
  compare?: (options: SchemaMigrationsComparisonOptions) => Promise<SchemaMigrationsComparison>;
}

export interface MigrationReminderReport {
  /** What to print; empty when prisma/migrations produce the collected schema. */
  lines: string[];
  /** The comparison could not run; `lines` is the one line saying why. */
  failed: boolean;
  /** Nothing changed since the last check: these are its lines again, Prisma was not asked. */
  repeated: boolean;
}

/**
 * Run after every successful rebuild in `npm run dev`: says, with the command
 * to run, when the component schemas differ from what prisma/migrations
 * produce. The server has then been restarted with a client for the edited
 * schema while the database still has the migrated tables, and every query
 * touching the difference fails; the reminder comes back at each rebuild
 * until the migration exists.
 *
 * Prisma is asked only when a schema, meta or migration file changed since the
 * last check (the comparison replays the migrations into a shadow database,
 * about a second); otherwise the last answer is repeated. A comparison that
 * cannot run (database down, invalid schema) is one line, never an exception.
 */
export class MigrationReminder {
  private last: { fingerprint: string; report: Omit<MigrationReminderReport, 'repeated'> } | undefined;

  constructor(private readonly options: MigrationReminderOptions) {}

  async check(): Promise<MigrationReminderReport> {
    let before: SchemaMigrationsFingerprint;
    try {
      before = schemaMigrationsFingerprint(this.options.projectRoot);
    } catch (error) {
      return { ...couldNotCheck(error), repeated: false };
    }
    if (this.last?.fingerprint === before.key) return { ...this.last.report, repeated: true };
    const report = await this.compare();
    // The Prisma CLI refreshes the copies in prisma/schema/ (part of the key):
    // remember the answer under the files as they are now, unless a source or
    // migration changed during the comparison (then the next check asks again).
    const after = this.fingerprintNow();
    this.last = after?.inputs === before.inputs ? { fingerprint: after.key, report } : undefined;
    return { ...report, repeated: false };
  }

  private fingerprintNow(): SchemaMigrationsFingerprint | undefined {
    try {
      return schemaMigrationsFingerprint(this.options.projectRoot);
    } catch {
      return undefined; // a file vanished meanwhile: the next check asks again
    }
  }

  private async compare(): Promise<Omit<MigrationReminderReport, 'repeated'>> {
    const { projectRoot, migrationUrl, compare = compareSchemaWithMigrations } = this.options;
    try {
      const { inStep, differences } = await compare({ projectRoot, migrationUrl });
      if (inStep) return { lines: [], failed: false };
      const name = suggestMigrationName(differences, readSchemaOwners(join(projectRoot, 'prisma', 'schema')));
      return {
        lines: [
          SCHEMA_CHANGED_LINE.replace('<name>', name),
          ...differences
            .split('\n')
            .filter((line) => line.trim() !== '')
            .map((line) => `  ${line}`),
          'until then, requests that use these changes fail: the database does not have them (Prisma P2021/P2022)',
        ],
        failed: false,
      };
    } catch (error) {
      return couldNotCheck(error);
    }
  }
}

function couldNotCheck(error: unknown): Omit<MigrationReminderReport, 'repeated'> {
  return {
    lines: [
      `could not check whether the schema needs a migration (${reasonOf(error)}); the server runs anyway; run npm run db:check for the details`,
    ],
    failed: true,
  };
}

/** The line of a failure that says why: for the Prisma CLI, its `Error:` line rather than the command it ran. */
function reasonOf(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const lines = (error instanceof PrismaCliError ? error.output : error.message)
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('Loaded Prisma config'));
  const at = Math.max(
    lines.findIndex((line) => /^Error\b/.test(line)),
    0,
  );
  const reason = lines[at]?.replace(/^Error:\s*/, '');
  if (!reason) return error.message.split('\n')[0];
  // Schema errors come as a bare code (`Error: P1012`) with the problem on the next line.
  return /^P\d{4}$/.test(reason) && lines[at + 1] ? `${reason}: ${lines[at + 1]}` : reason;
}
