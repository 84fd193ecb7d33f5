import { defineConfig } from 'prisma/config';
import { CLI_PLACEHOLDER_DATABASE_URL, configuredDatabaseUrl } from './src/database/migration/cli-placeholder-url';
import { migrationDatabaseUrl } from './src/database/migration/migration-database';
import { loadDotEnv, prepareCliProcess, sharedCliConfig } from './src/database/migration/prisma-cli-setup';
import { schemaCopiesNeedSync } from './src/database/migration/schema-copies-sync';

type SchemaCopiesModule = typeof import('./build/database-schema/sync-schema-copies');

loadDotEnv();
const configuredUrl = configuredDatabaseUrl(process.env);
// Without a configured database the CLI still needs DATABASE_URL to validate
// main.prisma; commands then connect to the embedded cluster, never to this.
// The vendor patches of src/platform/vendor-patches/ are checked and installed
// here, shared with prisma.deploy.config.ts.
prepareCliProcess(configuredUrl || CLI_PLACEHOLDER_DATABASE_URL);

// prisma/schema/ holds copies of the component schemas; refresh them so every
// command sees the sources as they are now, not as of the last build. Loaded
// only when needed: it brings in the TypeScript compiler (see schema-copies-sync.ts).
if (schemaCopiesNeedSync(process.env, process.cwd())) {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a static import would load the TypeScript compiler for every command
  const { syncSchemaCopies } = require('./build/database-schema/sync-schema-copies') as SchemaCopiesModule;
  const { errors } = syncSchemaCopies(process.cwd());
  if (errors.length > 0) throw new Error(`invalid component schema:\n${errors.join('\n')}`);
}

/**
 * Prisma CLI configuration for development (see docs/database.md). `npx prisma
 * studio` uses the same database and role as the migrate commands, the
 * embedded cluster started for as long as Studio runs if the app is not.
 */
export default defineConfig(
  sharedCliConfig(() => migrationDatabaseUrl(configuredUrl), {
    experimental: { adapter: true, studio: true },
    // `npx prisma db seed` and `migrate reset`: every component's prisma/seed.ts (docs/guides/database.md).
    migrations: { seed: 'tsx build/db-seed.ts' },
  }),
);
