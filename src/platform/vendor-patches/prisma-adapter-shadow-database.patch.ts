import { randomUUID } from 'node:crypto';
import { PrismaPg } from '@prisma/adapter-pg';
import type { PoolConfig } from 'pg';
import { assertVendorPatch } from './vendor-patch-check';

type PoolOptions = Omit<PoolConfig, 'connectionString'>;

/**
 * What `PrismaPg.connectToShadowDb` of `@prisma/adapter-pg` 6.19 should do
 * (manifest entry "prisma-adapter-shadow-database"): the adapter's own
 * version drops the shadow database while its own pool is still connected
 * ("database ... is being accessed by other users") and builds the shadow
 * pool from a config whose connection string still names the main database.
 * Here the shadow pool gets its own URL and is closed before the drop, which
 * also uses `WITH (FORCE)`; the shadow adapter's `dispose` is replaced to do that.
 *
 * @param main the factory whose database the shadow database is created next to
 */
export async function connectToDroppableShadowDb(main: PrismaPg, connectionString: string, pool: PoolOptions) {
  assertVendorPatch('prisma-adapter-shadow-database');
  const mainAdapter = await main.connect();
  const database = `prisma_migrate_shadow_db_${randomUUID()}`;
  await mainAdapter.executeScript(`CREATE DATABASE "${database}"`);

  const shadowUrl = new URL(connectionString);
  shadowUrl.pathname = `/${database}`;
  shadowUrl.searchParams.delete('schema');
  const shadow = await new PrismaPg({ connectionString: shadowUrl.toString(), ...pool }).connect();

  const disposeShadow = shadow.dispose.bind(shadow);
  shadow.dispose = async () => {
    await disposeShadow();
    try {
      await mainAdapter.executeScript(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
    } finally {
      await mainAdapter.dispose();
    }
  };
  return shadow;
}
