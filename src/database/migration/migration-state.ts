import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';

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
    const { rows: exists } = await client.query<{ present: boolean }>(
      `SELECT to_regclass('public._prisma_migrations') IS NOT NULL AS present`,
    );
    if (!exists[0].present) return { pending: local.map((m) => m.name), modified: [], unknown: [] };
    const { rows } = await client.query<{ migration_name: string; checksum: string }>(
      `SELECT migration_name, checksum FROM public._prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
    );
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
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(dir, entry.name, 'migration.sql')))
    .map((entry) => ({
      name: entry.name,
      checksum: createHash('sha256')
        .update(readFileSync(join(dir, entry.name, 'migration.sql')))
        .digest('hex'),
    }))
    .sort((a, b) => (a.name < b.name ? -1 : 1));
}
