import { existsSync } from 'node:fs';
import type { PrismaConfig } from 'prisma/config';
import { VendorPatchCheckOptions, checkVendorPatches } from '../../platform/vendor-patches/vendor-patch-check';
import { dropAdapterUrlAdvice } from '../../platform/vendor-patches/prisma-adapter-url-advice.patch';
import { skipQueryEngineDownload } from '../../platform/vendor-patches/prisma-query-engine-library.patch';
import { fixSchemaEngineWasm } from '../../platform/vendor-patches/prisma-schema-engine-wasm.patch';
import { giveStudioTheWasmQueryEngine } from '../../platform/vendor-patches/prisma-studio-query-engine.patch';
import { MIGRATIONS_PATH } from '../runtime/migration-history';
import { MigrationAdapterFactory } from './migration-adapter.factory';
import { migrationSemicolonProblems } from './migration-semicolons';

/**
 * What both Prisma CLI configurations (prisma.config.ts for development,
 * prisma.deploy.config.ts in the image) do before the CLI runs a command.
 * Production dependencies only: the deployed image loads this too.
 *
 * @param databaseUrl put into DATABASE_URL when it is unset: the CLI validates
 *   `url = env("DATABASE_URL")` in main.prisma even though commands connect
 *   through the adapter; only its database name is ever shown.
 */
export function prepareCliProcess(databaseUrl: string, options: VendorPatchCheckOptions = {}): void {
  // Every CLI patch of src/platform/vendor-patches/, checked at once: an
  // upgraded Prisma fails every command here, naming the patches and versions.
  checkVendorPatches('cli', options);
  process.env.DATABASE_URL ||= databaseUrl;

  // Every migrate command would advise removing that `url`, which 6.19 cannot do without.
  dropAdapterUrlAdvice(process.stdout, options);
  // A schema that does not parse would otherwise start a native engine download before the error.
  skipQueryEngineDownload(process.env, options);
  // `migrate dev` after pending migrations, `--create-only`, and the 10 s idle after every migrate command.
  fixSchemaEngineWasm(options);
  // `prisma studio` builds a Prisma Client that would load the native query
  // engine; this one runs it on the WebAssembly engine the CLI ships. Only
  // for that command, so a broken Studio patch blocks no other command.
  if (process.argv[2] === 'studio') giveStudioTheWasmQueryEngine(options);

  // The WebAssembly engine cuts migrations at every semicolon, in comments and
  // quotes too: name the file and line before a command runs into it.
  const strandedSemicolons = migrationSemicolonProblems(MIGRATIONS_PATH);
  if (strandedSemicolons.length > 0) throw new Error(`cannot apply the migrations as written:\n${strandedSemicolons.join('\n')}`);
}

/** Loads `.env` as `npm start` does: with a config file the CLI no longer reads it itself. */
export function loadDotEnv(): void {
  if (existsSync('.env')) process.loadEnvFile('.env');
}

/**
 * The configuration both files share: `engine: 'js'` with a driver adapter
 * makes every `prisma migrate` command run on the bundled WebAssembly schema
 * engine, so nothing is downloaded (docs/database.md).
 */
export function sharedCliConfig(migrationUrl: () => Promise<string>, extra: Partial<PrismaConfig> = {}): PrismaConfig {
  const adapter = async () => new MigrationAdapterFactory(await migrationUrl());
  return {
    ...extra,
    experimental: { adapter: true, ...extra.experimental },
    engine: 'js',
    adapter,
    ...(extra.experimental?.studio ? { studio: { adapter } } : {}),
    // Collected by the build (build/database-schema-plugin.ts) from src/components/*/prisma/.
    schema: 'prisma/schema',
    migrations: { path: MIGRATIONS_PATH, ...extra.migrations },
  };
}
