import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';

/**
 * Names of migrations in `migrationsDir` that the database has not applied
 * with the same content. Prisma records each applied migration with the
 * SHA-256 of its `migration.sql` in `_prisma_migrations`; a changed file,
 * a failed or rolled-back one counts as pending, so `migrate deploy` (which
 * validates properly) gets to report it.
 */
export async function pendingMigrations(url: string, migrationsDir: string): Promise<string[]> {
  const local = listMigrations(migrationsDir);
  if (local.length === 0) return [];
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const { rows: exists } = await client.query(`SELECT to_regclass('public._prisma_migrations') IS NOT NULL AS present`);
    if (!exists[0].present) return local.map((migration) => migration.name);
    const { rows } = await client.query(
      `SELECT migration_name, checksum FROM public._prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
    );
    const applied = new Map(rows.map((row: { migration_name: string; checksum: string }) => [row.migration_name, row.checksum]));
    return local.filter((migration) => applied.get(migration.name) !== migration.checksum).map((migration) => migration.name);
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
      checksum: createHash('sha256').update(readFileSync(join(dir, entry.name, 'migration.sql'))).digest('hex'),
    }))
    .sort((a, b) => (a.name < b.name ? -1 : 1));
}
