import type { Prisma } from '@prisma/client';
import type { ComponentData, ComponentId } from './component-client';

/**
 * A component's `prisma/seed.ts` default export: fills its tables with example
 * data. It must be idempotent (upsert by a fixed key, never a blind create):
 * `npx prisma db seed` may run it again on a seeded database. It runs inside
 * one transaction, after the seeds of the components it depends on.
 *
 *     const seed: ComponentSeed<'notes'> = async (db) => { await db.notesNote.upsert(…); };
 *     export default seed;
 */
export type ComponentSeed<Id extends ComponentId> = (db: ComponentData<Id>) => Promise<void>;

/** One entry of src/generated/component-seeds.ts. */
export interface ComponentSeedEntry {
  componentId: string;
  seed: (db: Prisma.TransactionClient) => Promise<void>;
}
