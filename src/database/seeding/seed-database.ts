import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '@prisma/client';
import type { ComponentSeedEntry } from '../runtime/component-seed';
import { runComponentSeeds } from './run-component-seeds';

/**
 * Connects to `url` (the owner role, as migrations do), runs the seeds in
 * order and disconnects. Used by `npx prisma db seed` (build/db-seed.ts) and
 * by the first `npm start` on a brand-new embedded database.
 */
export async function seedDatabase(
  url: string,
  schema: string,
  seeds: readonly ComponentSeedEntry[],
  log: (line: string) => void,
): Promise<string[]> {
  const client = new PrismaClient({ adapter: new PrismaPg({ connectionString: url, max: 2 }, { schema }) });
  try {
    return await runComponentSeeds(client, seeds, log);
  } finally {
    await client.$disconnect();
  }
}
