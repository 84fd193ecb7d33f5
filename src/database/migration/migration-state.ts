import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import { APPLIED_MIGRATIONS_SQL, AppliedMigrationRow, listMigrationNames, MIGRATIONS_TABLE_EXISTS_SQL } from '../runtime/migration-history';

export interface MigrationState {
  /** In prisma/migrations, not applied yet: `migrate deploy` applies them. */
  pending: string[];
  /** Applied, but the file changed since (edited after applying). */
  modified: string[];
  /** Applied, but not in prisma/migrations (another branch, a deleted folder). */
  unknown: string[];
}

/**
 * Compares `migrationsDir` with what the database recorded in
 * `_prisma_migrations` (Prisma stores the SHA-256 of each applied
 * `migration.sql`). A failed or rolled-back migration counts as pending.
 */
export async function readMigrationState(url: string, migrationsDir: string): Promise<MigrationState> {
  const local = listMigrations(migrationsDir);
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const { rows: exists } = await client.query<{ present: boolean }>(MIGRATIONS_TABLE_EXISTS_SQL);
    if (!exists[0].present) return { pending: local.map((m) => m.name), modified: [], unknown: [] };
    const { rows } = await client.query<AppliedMigrationRow>(APPLIED_MIGRATIONS_SQL);
    const applied = new Map(rows.map((row) => [row.migration_name, row.checksum]));
    const localNames = new Set(local.map((m) => m.name));
    return {
      pending: local.filter((m) => !applied.has(m.name)).map((m) => m.name),
      modified: local.filter((m) => applied.has(m.name) && applied.get(m.name) !== m.checksum).map((m) => m.name),
      unknown: [...applied.keys()].filter((name) => !localNames.has(name)),
    };
  } finally {
    await client.end();
  }
}

function listMigrations(dir: string): { name: string; checksum: string }[] {
  return listMigrationNames(dir).map((name) => ({
    name,
    checksum: createHash('sha256')
      .update(readFileSync(join(dir, name, 'migration.sql')))
      .digest('hex'),
  }));
}
