import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { defineConfig } from 'prisma/config';
import { dropAdapterUrlAdvice } from './src/database/migration/adapter-url-advice';
import { configuredDatabaseUrl } from './src/database/migration/cli-placeholder-url';
import { MigrationAdapterFactory } from './src/database/migration/migration-adapter.factory';
import { migrationSemicolonProblems } from './src/database/migration/migration-semicolons';
import { fixSchemaEngineWasm } from './src/database/migration/schema-engine-wasm.fixes';

// The Prisma CLI configuration of a deployed tree (the Docker image copies it
// to prisma.config.ts): production dependencies only, so no schema collection
// from src/components (typescript and @mrleebo/prisma-ast are devDependencies)
// and no embedded PostgreSQL. prisma/schema/ is the one `npm run build` wrote.
// The CLI loads this file with the TypeScript loader it ships (jiti, through
// @prisma/config), so tsx is not needed either. Run outside the image with
// `npx prisma migrate deploy --config prisma.deploy.config.ts`.

if (existsSync('.env')) process.loadEnvFile('.env');

const url = configuredDatabaseUrl(process.env);
if (!url) {
  throw new Error(
    'neither MIGRATION_DATABASE_URL nor DATABASE_URL is set; set MIGRATION_DATABASE_URL to the owner role of your PostgreSQL (the one that may create tables), connecting to PostgreSQL directly, not through PgBouncer',
  );
}
if (!existsSync(join(__dirname, 'prisma', 'schema', 'main.prisma'))) {
  throw new Error(
    `${join(__dirname, 'prisma', 'schema')} has no main.prisma; it is written by \`npm run build\`: deploy the prisma/ folder of the build with dist/`,
  );
}

// The CLI validates `url = env("DATABASE_URL")` in main.prisma; commands connect through the adapter below.
process.env.DATABASE_URL ||= url;
// See prisma.config.ts for these three.
dropAdapterUrlAdvice(process.stdout);
process.env.PRISMA_QUERY_ENGINE_LIBRARY ||= require.resolve('prisma/package.json');
fixSchemaEngineWasm();

// As in prisma.config.ts: name a semicolon the engine would cut a migration at.
const strandedSemicolons = migrationSemicolonProblems('prisma/migrations');
if (strandedSemicolons.length > 0) throw new Error(`cannot apply the migrations as written:\n${strandedSemicolons.join('\n')}`);

export default defineConfig({
  experimental: { adapter: true },
  engine: 'js',
  adapter: () => Promise.resolve(new MigrationAdapterFactory(url)),
  schema: 'prisma/schema',
  migrations: { path: 'prisma/migrations' },
});
