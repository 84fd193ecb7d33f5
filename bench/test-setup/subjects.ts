import { cpSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import type { EmbeddedDatabase } from '../../src/database/embedded/embedded-cluster';
import { runMigrateDeploy } from '../../src/database/migration/migrate-deploy';
import { asOwner, BenchDatabase, recreateDatabase } from './bench-cluster';
import { SYNTHETIC_MIGRATION_NAME, syntheticMigrationSql } from './synthetic-schema';

/** A schema to clone: its database, the migrations folder its fingerprint is taken from, and how to migrate it. */
export interface BenchSubject {
  label: string;
  db: BenchDatabase;
  migrationsDir: string;
  migrate: (ownerUrl: string) => Promise<unknown>;
  /**
   * Changes the fingerprint (as a new migration or a new clone procedure
   * would) without changing any migration: a file outside the migration
   * folders is hashed but never applied.
   */
  changeFingerprint(): void;
  /** Fails when a rebuilt worker schema does not behave like `public`; untimed. */
  verifyClone?(schema: string): Promise<void>;
}

let nonce = 0;
const fingerprintChanger = (dir: string) => () => writeFileSync(join(dir, 'bench-nonce'), `${process.pid}-${++nonce}\n`);

/**
 * The project's own migrations in `bench_project`, applied once here with the
 * real `prisma migrate deploy`, so timed runs measure cloning, not the first
 * migration. The fingerprint comes from a copy of prisma/migrations plus a
 * nonce file; `migrate` still checks the real folder (a few ms when current).
 */
export async function prepareProjectSubject(cluster: EmbeddedDatabase, projectRoot: string, workDir: string): Promise<BenchSubject> {
  const db = await recreateDatabase(cluster, 'bench_project');
  const source = join(projectRoot, 'prisma', 'migrations');
  const migrationsDir = join(workDir, 'project-migrations');
  rmSync(migrationsDir, { recursive: true, force: true });
  cpSync(source, migrationsDir, { recursive: true });
  const migrate = (url: string) => runMigrateDeploy(url, source);
  await migrate(db.ownerUrl);
  return { label: 'project', db, migrationsDir, migrate, changeFingerprint: fingerprintChanger(migrationsDir) };
}

/** The generated 30-table schema in `bench_synthetic`, applied with pg as the owner when its tables are missing. */
export async function prepareSyntheticSubject(cluster: EmbeddedDatabase, workDir: string): Promise<BenchSubject> {
  const db = await recreateDatabase(cluster, 'bench_synthetic');
  const migrationsDir = join(workDir, 'synthetic-migrations');
  rmSync(migrationsDir, { recursive: true, force: true });
  mkdirSync(join(migrationsDir, SYNTHETIC_MIGRATION_NAME), { recursive: true });
  const sql = syntheticMigrationSql();
  writeFileSync(join(migrationsDir, SYNTHETIC_MIGRATION_NAME, 'migration.sql'), sql);
  const migrate = (url: string) =>
    asOwner({ ...db, ownerUrl: url }, async (client) => {
      const { rows } = await client.query<{ applied: boolean }>(`SELECT to_regclass('public."AuditLog"') IS NOT NULL AS applied`);
      if (!rows[0].applied) await client.query(`BEGIN;\n${sql}\nCOMMIT;`);
    });
  await migrate(db.ownerUrl);
  const verifyClone = (schema: string) => asOwner(db, (client) => verifySyntheticClone(client, schema));
  return { label: 'synthetic', db, migrationsDir, migrate, changeFingerprint: fingerprintChanger(migrationsDir), verifyClone };
}

/** The trigger must write into the clone's own AuditLog, and citext must still compare case-insensitively. */
async function verifySyntheticClone(client: Client, schema: string): Promise<void> {
  await client.query('BEGIN');
  try {
    await client.query(
      `INSERT INTO ${schema}."Account" ("id", "email", "name", "updatedAt") VALUES (gen_random_uuid(), 'Ada@Example.org', 'Ada', now())`,
    );
    const { rows } = await client.query<{ own: number; public: number; matched: number }>(
      `SELECT (SELECT count(*)::int FROM ${schema}."AuditLog") AS own, (SELECT count(*)::int FROM public."AuditLog") AS public,
              (SELECT count(*)::int FROM ${schema}."Account" WHERE "email" = 'ada@example.org') AS matched`,
    );
    if (rows[0].own !== 1 || rows[0].public !== 0 || rows[0].matched !== 1) {
      throw new Error(
        `clone ${schema} of the synthetic schema is wrong: ${JSON.stringify(rows[0])} (expected own audit row 1, public 0, case-insensitive match 1)`,
      );
    }
  } finally {
    await client.query('ROLLBACK');
  }
}
