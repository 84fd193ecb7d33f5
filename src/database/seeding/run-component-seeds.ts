import type { PrismaClient } from '@prisma/client';
import { ComponentSeedError } from '../../platform/errors/component-seed.error';
import type { ComponentSeedEntry } from '../runtime/component-seed';

/** Seeds that create a lot of example data may take a while; a stuck one should not hang a start forever. */
const SEED_TIMEOUT_MS = 60_000;

/**
 * Runs every component's seed, in the order given (src/generated/component-seeds.ts
 * lists them after their dependencies), each in its own transaction: a seed
 * that fails leaves nothing half-written, and the seeds before it stay.
 * @returns the ids seeded
 */
export async function runComponentSeeds(
  client: PrismaClient,
  seeds: readonly ComponentSeedEntry[],
  log: (line: string) => void,
): Promise<string[]> {
  const done: string[] = [];
  for (const { componentId, seed } of seeds) {
    const started = Date.now();
    try {
      await client.$transaction((db) => seed(db), { timeout: SEED_TIMEOUT_MS, maxWait: SEED_TIMEOUT_MS });
    } catch (error) {
      const reason = (error as Error).message.split('\n').filter(Boolean).at(-1);
      throw new ComponentSeedError(
        `the seed of component "${componentId}" (src/components/${componentId}/prisma/seed.ts) failed and was rolled back: ${reason}; fix the seed and run \`npx prisma db seed\` again`,
        { cause: error },
      );
    }
    done.push(componentId);
    log(`seeded ${componentId} in ${Date.now() - started} ms`);
  }
  return done;
}
