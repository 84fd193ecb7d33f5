import { existsSync } from 'node:fs';
import { defineConfig } from 'prisma/config';
import { dropAdapterUrlAdvice } from './src/database/migration/adapter-url-advice';
import { CLI_PLACEHOLDER_DATABASE_URL, configuredDatabaseUrl } from './src/database/migration/cli-placeholder-url';
import { MigrationAdapterFactory } from './src/database/migration/migration-adapter.factory';
import { migrationDatabaseUrl } from './src/database/migration/migration-database';
import { migrationSemicolonProblems } from './src/database/migration/migration-semicolons';
import { schemaCopiesNeedSync } from './src/database/migration/schema-copies-sync';
import { fixSchemaEngineWasm } from './src/database/migration/schema-engine-wasm.fixes';
import { giveStudioTheWasmQueryEngine } from './src/database/studio/studio-query-engine.fixes';

type SchemaCopiesModule = typeof import('./build/database-schema/sync-schema-copies');

// With a config file the CLI no longer reads .env itself.
if (existsSync('.env')) process.loadEnvFile('.env');

const configuredUrl = configuredDatabaseUrl(process.env);

// The CLI validates `url = env("DATABASE_URL")` in main.prisma even though
// commands connect through the adapter below; when the variable is missing it
// gives up on the schema and tries to download a native query engine. Only its
// database name is shown ('Datasource "db": PostgreSQL database "app"'); it is
// never dialled.
process.env.DATABASE_URL ||= configuredUrl || CLI_PLACEHOLDER_DATABASE_URL;

// Every migrate command would advise removing that `url`, which 6.19 cannot do
// without (see src/database/migration/adapter-url-advice.ts).
dropAdapterUrlAdvice(process.stdout);

// main.prisma uses engineType = "client", which needs no native query engine.
// But when the CLI cannot parse the schema (a syntax error in a component
// schema) it assumes the native engine and downloads it before reporting the
// error; offline, the download's network error replaces Prisma's message.
// Pointing the variable at an existing file skips that download; nothing ever
// loads it, since a schema that parses says "client" and one that does not
// stops the command first.
process.env.PRISMA_QUERY_ENGINE_LIBRARY ||= require.resolve('prisma/package.json');

// The WebAssembly engine cuts migrations at every semicolon, in comments and
// quotes too: name the file and line before a command runs into it.
const strandedSemicolons = migrationSemicolonProblems('prisma/migrations');
if (strandedSemicolons.length > 0) throw new Error(`cannot apply the migrations as written:\n${strandedSemicolons.join('\n')}`);

// `migrate dev` after pending migrations, and `--create-only`, fail on the
// WebAssembly engine without these (src/database/migration/schema-engine-wasm.fixes.ts).
fixSchemaEngineWasm();

// `prisma studio` builds a Prisma Client that would load the native query
// engine; this one runs it on the WebAssembly engine the CLI ships
// (src/database/studio/studio-query-engine.fixes.ts). Only for that command:
// the patch checks the Prisma version, which no other command depends on.
if (process.argv[2] === 'studio') giveStudioTheWasmQueryEngine();

// prisma/schema/ holds copies of the component schemas; refresh them so every
// command sees the sources as they are now, not as of the last build. Loaded
// only when needed: it brings in the TypeScript compiler (see schema-copies-sync.ts).
if (schemaCopiesNeedSync(process.env, process.cwd())) {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a static import would load the TypeScript compiler for every command
  const { syncSchemaCopies } = require('./build/database-schema/sync-schema-copies') as SchemaCopiesModule;
  const { errors } = syncSchemaCopies(process.cwd());
  if (errors.length > 0) throw new Error(`invalid component schema:\n${errors.join('\n')}`);
}

const adapter = async () => new MigrationAdapterFactory(await migrationDatabaseUrl(configuredUrl));

/**
 * Prisma CLI configuration. `engine: 'js'` with a driver adapter makes every
 * `prisma migrate` command run on the bundled WebAssembly schema engine, so
 * nothing is downloaded. See docs/database.md.
 */
export default defineConfig({
  experimental: { adapter: true, studio: true },
  engine: 'js',
  adapter,
  // `npx prisma studio`: the same database and role as the migrate commands,
  // the embedded cluster started for as long as Studio runs if the app is not.
  studio: { adapter },
  // Collected by build/database-schema-plugin.ts from src/components/*/prisma/.
  schema: 'prisma/schema',
  // `npx prisma db seed` and `migrate reset`: every component's prisma/seed.ts (docs/guides/database.md).
  migrations: { path: 'prisma/migrations', seed: 'tsx build/db-seed.ts' },
});
