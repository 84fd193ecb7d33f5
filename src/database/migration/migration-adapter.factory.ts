import { PrismaPg } from '@prisma/adapter-pg';
import { CatalogTypesAsTextClient } from '../../platform/vendor-patches/pg-catalog-types-as-text.patch';
import { connectToDroppableShadowDb } from '../../platform/vendor-patches/prisma-adapter-shadow-database.patch';

// The CLI waits for its event loop to drain before exiting; idle pool clients
// would keep it alive for the pool's idle timeout (10 s by default).
const MIGRATION_POOL = { Client: CatalogTypesAsTextClient, allowExitOnIdle: true };

/**
 * The driver adapter the Prisma CLI uses for `migrate dev/deploy/status/reset`
 * on its WebAssembly schema engine (no native engine download).
 *
 * It works around two bugs of `@prisma/adapter-pg` 6.19, both vendor patches
 * (src/platform/vendor-patches/): catalog columns of type `name`/`"char"` are
 * rejected ({@link CatalogTypesAsTextClient}), and the shadow database is
 * dropped while still connected ({@link connectToDroppableShadowDb}).
 */
export class MigrationAdapterFactory extends PrismaPg {
  constructor(private readonly connectionString: string) {
    super({ connectionString, ...MIGRATION_POOL });
  }

  connectToShadowDb() {
    return connectToDroppableShadowDb(this, this.connectionString, MIGRATION_POOL);
  }
}
