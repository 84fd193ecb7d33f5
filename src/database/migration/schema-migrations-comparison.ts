import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { JsonCacheFile } from '../../platform/cache-files/json-cache-file';
import { PrismaCliError } from '../../platform/errors/prisma-cli.error';
import { runPrismaCli } from '../process/prisma-cli';
import { MIGRATIONS_PATH, migrationsDir } from '../runtime/migration-history';

/** The command that brings prisma/migrations in step with the schema; every message about it names this. */
export const MIGRATE_DEV_COMMAND = 'npx prisma migrate dev --name <name>';

export interface SchemaMigrationsComparison {
  /** Replaying prisma/migrations gives exactly the collected schema. */
  inStep: boolean;
  /** Prisma's summary of what a new migration would change (`[+] Added tables …`); empty when in step. */
  differences: string;
  /** The verdict was read from the cache: nothing relevant changed since it was computed. */
  cached: boolean;
}

export interface SchemaMigrationsComparisonOptions {
  /** Where package.json, prisma.config.ts and prisma/ are. Default: the working directory. */
  projectRoot?: string;
  /** Owner role that may create the shadow database; default: what prisma.config.ts picks. */
  migrationUrl?: string;
  /** Where the verdict is kept; `null`: no cache. Default: `.data/schema-migrations-verdict.json`. */
  cacheFile?: string | null;
}

interface CachedVerdict {
  fingerprint: string;
  inStep: boolean;
  differences: string;
}

/**
 * Whether the collected schema (prisma/schema/, refreshed from the component
 * schemas by prisma.config.ts) is what prisma/migrations produces, i.e.
 * whether someone edited a schema and has not run `npx prisma migrate dev`.
 *
 * Prisma answers (`prisma migrate diff --from-migrations … --exit-code`): it
 * replays the migrations into a shadow database and compares. That takes
 * about a second, so the verdict is cached under a fingerprint of every input
 * (see {@link schemaMigrationsFingerprint}) and only recomputed when one
 * changes. Rejects with `PrismaCliError` when Prisma cannot compare (an
 * invalid schema, a migration that fails).
 */
export async function compareSchemaWithMigrations(options: SchemaMigrationsComparisonOptions = {}): Promise<SchemaMigrationsComparison> {
  const projectRoot = options.projectRoot ?? process.cwd();
  const cacheFile = options.cacheFile === undefined ? join(projectRoot, '.data', 'schema-migrations-verdict.json') : options.cacheFile;
  const before = schemaMigrationsFingerprint(projectRoot);
  const cached = cacheFile ? readCachedVerdict(cacheFile) : null;
  if (cached?.fingerprint === before.key) return { inStep: cached.inStep, differences: cached.differences, cached: true };

  const verdict = await askPrisma(projectRoot, options.migrationUrl);
  // The CLI refreshes the copies from the sources (prisma.config.ts), so the
  // verdict belongs to the copies as they are now. Kept only if no source or
  // migration changed meanwhile; otherwise the next call asks again.
  const after = schemaMigrationsFingerprint(projectRoot);
  if (cacheFile && after.inputs === before.inputs) writeCachedVerdict(cacheFile, { fingerprint: after.key, ...verdict });
  return { ...verdict, cached: false };
}

async function askPrisma(projectRoot: string, migrationUrl: string | undefined): Promise<Omit<SchemaMigrationsComparison, 'cached'>> {
  const hasMigrations = listMigrationFiles(projectRoot).some((file) => file.endsWith('migration.sql'));
  const outputDir = mkdtempSync(join(tmpdir(), 'schema-diff-'));
  const outputFile = join(outputDir, 'diff.txt');
  const args = [
    'migrate',
    'diff',
    ...(hasMigrations ? ['--from-migrations', MIGRATIONS_PATH] : ['--from-empty']),
    '--to-schema-datamodel',
    'prisma/schema',
    '--exit-code',
    '--output',
    outputFile,
  ];
  const env = migrationUrl ? { ...process.env, MIGRATION_DATABASE_URL: migrationUrl } : process.env;
  try {
    await runPrismaCli(args, { cwd: projectRoot, env });
    return { inStep: true, differences: '' };
  } catch (error) {
    // --exit-code: 0 no difference, 2 a difference, 1 an error.
    if (!(error instanceof PrismaCliError) || error.exitCode !== 2) throw error;
    return { inStep: false, differences: existsSync(outputFile) ? readFileSync(outputFile, 'utf8').trim() : '' };
  } finally {
    rmSync(outputDir, { recursive: true, force: true });
  }
}

export interface SchemaMigrationsFingerprint {
  /** SHA-256 of the Prisma version, the component schema sources (and meta files) and every migration file. */
  inputs: string;
  /** The cache key: `inputs` plus the collected copies in prisma/schema/. */
  key: string;
}

/**
 * Everything the verdict depends on. The copies count besides their sources:
 * a change of the collector shows in the copies after the next build.
 */
export function schemaMigrationsFingerprint(projectRoot: string): SchemaMigrationsFingerprint {
  const inputs = hashFiles(
    projectRoot,
    [...listComponentSchemaFiles(projectRoot), ...listMigrationFiles(projectRoot)],
    `prisma ${prismaVersion(projectRoot)}`,
  );
  const copies = hashFiles(projectRoot, listFiles(join(projectRoot, 'prisma', 'schema')), '');
  return { inputs, key: `${inputs}:${copies}` };
}

function hashFiles(projectRoot: string, files: string[], prefix: string): string {
  const hash = createHash('sha256').update(`${prefix}\0`);
  for (const file of files) {
    hash.update(`${relative(projectRoot, file)}\0`);
    hash.update(readFileSync(file));
    hash.update('\0');
  }
  return hash.digest('hex');
}

function prismaVersion(projectRoot: string): string {
  const manifest = createRequire(join(projectRoot, 'package.json')).resolve('prisma/package.json');
  return (JSON.parse(readFileSync(manifest, 'utf8')) as { version: string }).version;
}

/** Each component's schema files, and its meta file (what it declares may shape the collected schema). */
function listComponentSchemaFiles(projectRoot: string): string[] {
  const componentsDir = join(projectRoot, 'src', 'components');
  return listDirectories(componentsDir).flatMap((id) => [
    ...[join(componentsDir, id, 'component.meta.ts')].filter((file) => existsSync(file)),
    ...listFiles(join(componentsDir, id, 'prisma')).filter((file) => file.endsWith('.prisma')),
  ]);
}

function listMigrationFiles(projectRoot: string): string[] {
  const dir = migrationsDir(projectRoot);
  return [...listFiles(dir), ...listDirectories(dir).flatMap((name) => listFiles(join(dir, name)))];
}

function listDirectories(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
}

function listFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(dir, entry.name))
    .sort();
}

function isCachedVerdict(value: unknown): value is CachedVerdict {
  const verdict = value as Partial<CachedVerdict> | null;
  return typeof verdict?.fingerprint === 'string' && typeof verdict.inStep === 'boolean' && typeof verdict.differences === 'string';
}

/** Atomic and checksummed (json-cache-file.ts): a start and a `db:check` at the same moment never read half a file. */
function verdictFile(file: string): JsonCacheFile<CachedVerdict> {
  return new JsonCacheFile(file, 'schema-migrations-verdict-1', isCachedVerdict);
}

function writeCachedVerdict(file: string, verdict: CachedVerdict): void {
  verdictFile(file).write(verdict);
}

function readCachedVerdict(file: string): CachedVerdict | null {
  return verdictFile(file).read() ?? null; // missing, damaged or half-written: compute again
}
