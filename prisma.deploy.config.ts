import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { defineConfig } from 'prisma/config';
import { configuredDatabaseUrl } from './src/database/migration/cli-placeholder-url';
import { loadDotEnv, prepareCliProcess, sharedCliConfig } from './src/database/migration/prisma-cli-setup';

// The Prisma CLI configuration of a deployed tree (the Docker image copies it
// to prisma.config.ts): production dependencies only, so no schema collection
// from src/components (typescript and @mrleebo/prisma-ast are devDependencies)
// and no embedded PostgreSQL. prisma/schema/ is the one `npm run build` wrote.
// The CLI loads this file with the TypeScript loader it ships (jiti, through
// @prisma/config), so tsx is not needed either. Run outside the image with
// `npx prisma migrate deploy --config prisma.deploy.config.ts`.

loadDotEnv();
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
// The same vendor patches and checks as prisma.config.ts (src/database/migration/prisma-cli-setup.ts).
prepareCliProcess(url);

export default defineConfig(sharedCliConfig(() => Promise.resolve(url)));
