import { randomUUID } from 'node:crypto';
import { PrismaPg } from '@prisma/adapter-pg';
import { CatalogTypesAsTextClient } from './catalog-types-as-text.client';

// The CLI waits for its event loop to drain before exiting; idle pool clients
// would keep it alive for the pool's idle timeout (10 s by default).
const MIGRATION_POOL = { Client: CatalogTypesAsTextClient, allowExitOnIdle: true };

/**
 * The driver adapter the Prisma CLI uses for `migrate dev/deploy/status/reset`
 * on its WebAssembly schema engine (no native engine download).
 *
 * It works around two bugs of `@prisma/adapter-pg` 6.19:
 * - catalog columns of type `name`/`"char"` are rejected (see
 *   {@link CatalogTypesAsTextClient});
 * - `connectToShadowDb` drops the shadow database while its own pool is still
 *   connected ("database ... is being accessed by other users") and builds the
 *   shadow pool from a config whose connection string still names the main
 *   database. Here the shadow pool gets its own URL and is closed before the
 *   drop, which also uses `WITH (FORCE)`.
 */
export class MigrationAdapterFactory extends PrismaPg {
  constructor(private readonly connectionString: string) {
    super({ connectionString, ...MIGRATION_POOL });
  }

  async connectToShadowDb() {
    const main = await this.connect();
    const database = `prisma_migrate_shadow_db_${randomUUID()}`;
    await main.executeScript(`CREATE DATABASE "${database}"`);

    const shadowUrl = new URL(this.connectionString);
    shadowUrl.pathname = `/${database}`;
    shadowUrl.searchParams.delete('schema');
    const shadow = await new PrismaPg({
      connectionString: shadowUrl.toString(),
      ...MIGRATION_POOL,
    }).connect();

    const disposeShadow = shadow.dispose.bind(shadow);
    shadow.dispose = async () => {
      await disposeShadow();
      try {
        await main.executeScript(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
      } finally {
        await main.dispose();
      }
    };
    return shadow;
  }
}
