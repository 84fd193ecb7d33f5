// `npx prisma db seed` (prisma.config.ts points its seed command here), also
// run by `prisma migrate reset`: every component's prisma/seed.ts, in
// dependsOn order, against the configured database or the embedded one.
import { configuredDatabaseUrl } from '../src/database/migration/cli-placeholder-url';
import { migrationDatabaseUrl } from '../src/database/migration/migration-database';
import { resolveDatabaseSchema } from '../src/database/runtime/database-config';
import { seedDatabase } from '../src/database/seeding/seed-database';
import { loadComponentSeeds } from './component-discovery/load-component-seeds';

async function main(): Promise<void> {
  const componentSeeds = loadComponentSeeds();
  const url = await migrationDatabaseUrl(configuredDatabaseUrl(process.env));
  if (componentSeeds.length === 0) {
    console.log('no component has a prisma/seed.ts; nothing to seed');
    return;
  }
  const seeded = await seedDatabase(url, resolveDatabaseSchema(process.env, url), componentSeeds, (line) => console.log(line));
  console.log(`seeded ${seeded.length} component(s): ${seeded.join(', ')}`);
}

main().then(
  () => process.exit(0),
  (error: Error) => {
    console.error(`error: ${error.message}`);
    process.exit(1);
  },
);
