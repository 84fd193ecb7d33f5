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
import { MigrationChange, readChanges, suggestMigrationName } from './migration-name';
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
  /** Table and enum -> component, as seen at every check: a deleted component's tables are still named after it. */
  private readonly seenOwners = new Map<string, string>();

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

  private rememberOwners(owners: ReadonlyMap<string, string>): void {
    for (const [name, id] of owners) this.seenOwners.set(name, id);
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
    const schemaDir = join(projectRoot, 'prisma', 'schema');
    // Noted at every check, even one with nothing to say: a component deleted later keeps its name in the reminder.
    this.rememberOwners(readSchemaOwners(schemaDir));
    try {
      const { inStep, differences } = await compare({ projectRoot, migrationUrl });
      const owners = readSchemaOwners(schemaDir);
      this.rememberOwners(owners);
      if (inStep) return { lines: [], failed: false };
      const present = new Set(owners.values());
      const gone = new Set([...this.seenOwners.values()].filter((id) => !present.has(id)));
      const name = suggestMigrationName(differences, new Map([...this.seenOwners, ...owners]), gone);
      return {
        lines: [
          SCHEMA_CHANGED_LINE.replace('<name>', name),
          ...differences
            .split('\n')
            .filter((line) => line.trim() !== '')
            .map((line) => `  ${line}`),
          ...untilMigrated(readChanges(differences)),
        ],
        failed: false,
      };
    } catch (error) {
      return couldNotCheck(error);
    }
  }
}

/**
 * What the server, restarted with a client for the edited schema, meets until
 * the migration runs: what the schema gained is missing from the database;
 * what it lost (a deleted component's tables) is still there, with its data.
 */
function untilMigrated(changes: MigrationChange[]): string[] {
  const removed = changes.filter((change) => change.verb === 'remove');
  const droppedTables = new Set(removed.filter((change) => !change.detail).map((change) => change.object));
  // A foreign key or index of a dropped table goes with it.
  const gained = changes.filter((change) => change.verb !== 'remove' && !droppedTables.has(change.object));
  const lines = gained.length > 0 ? [MISSING_IN_DATABASE] : [];
  if (removed.length > 0) {
    const named = removed.map((change) =>
      change.detail ? `${change.detailKind ?? 'column'} ${change.object}.${change.detail}` : `${change.kind} ${change.object}`,
    );
    const one = removed.length === 1;
    const columns = removed.some((change) => change.detailKind === 'column');
    lines.push(
      `the database still has ${named.join(', ')} (and ${one ? 'its' : 'their'} data) until that migration drops ${one ? 'it' : 'them'}` +
        (columns ? '; inserting a row fails while a removed column is required and has no default' : ''),
    );
  }
  return lines;
}

/** For a schema that gained tables or columns. */
const MISSING_IN_DATABASE = 'until then, requests that use these changes fail: the database does not have them (Prisma P2021/P2022)';

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
