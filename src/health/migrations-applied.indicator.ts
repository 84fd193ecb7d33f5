import { existsSync } from 'node:fs';
import { Inject, Injectable } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import { APPLIED_MIGRATIONS_SQL, AppliedMigrationRow, listMigrationNames, migrationsDir } from '../database/runtime/migration-history';
import { DatabaseProbe } from './database-probe';

/** Where `prisma migrate deploy` reads the migrations, deployed beside dist/ (docs/operations.md); a token, so tests can point elsewhere. */
export const MIGRATIONS_DIR = Symbol('MIGRATIONS_DIR');

export const DEFAULT_MIGRATIONS_DIR = migrationsDir();

/**
 * Ready only when every migration this build ships (`prisma/migrations`) is
 * applied to the database: a new version started before `migrate deploy` ran
 * would fail on its new tables and columns, so it gets no traffic until then.
 * Once everything is applied it stays applied (a running build's list does
 * not change), so from then on the check costs nothing.
 */
@Injectable()
export class MigrationsAppliedIndicator {
  /** Set once every shipped migration is applied: how many there are. */
  private appliedCount: number | undefined;

  constructor(
    private readonly indicator: HealthIndicatorService,
    private readonly database: DatabaseProbe,
    @Inject(MIGRATIONS_DIR) private readonly migrationsDir: string,
  ) {}

  async check(key: string) {
    const session = this.indicator.check(key);
    if (this.appliedCount !== undefined) return session.up({ applied: this.appliedCount });
    if (!existsSync(this.migrationsDir)) {
      return session.down({ message: `no migrations folder at ${this.migrationsDir}; deploy prisma/migrations with the app` });
    }
    const shipped = listMigrationNames(this.migrationsDir);
    let applied: AppliedMigrationRow[];
    try {
      applied = await this.database.query<AppliedMigrationRow>(APPLIED_MIGRATIONS_SQL);
    } catch {
      // The database check beside this one says why; no driver text in a public answer.
      return session.down({ message: 'could not read the applied migrations from the database' });
    }
    const done = new Set(applied.map((row) => row.migration_name));
    const pending = shipped.filter((name) => !done.has(name));
    if (pending.length > 0) {
      return session.down({ message: 'run `npx prisma migrate deploy` (as the owner role)', pending });
    }
    this.appliedCount = shipped.length;
    return session.up({ applied: shipped.length });
  }
}
