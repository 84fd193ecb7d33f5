import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { OUTBOX_DDL_TEMPLATE } from '../../platform/events/event-outbox';
import { JOB_QUEUE_LIBRARY_VERSION } from '../../platform/jobs/queue-migrations';

/**
 * Bump when the way worker schemas are built changes, so schemas cloned by an
 * older procedure are rebuilt even though the migrations did not change.
 */
export const CLONE_PROCEDURE_VERSION = 4;

/**
 * SHA-256 over every file under the migrations folder (names and contents),
 * the clone procedure version, the job queue library's version (its
 * migrations build each worker's queue schema) and the event outbox's table.
 */
export function migrationsFingerprint(migrationsDir: string): string {
  const hash = createHash('sha256').update(
    `clone-procedure:${CLONE_PROCEDURE_VERSION}\0${JOB_QUEUE_LIBRARY_VERSION}\0${OUTBOX_DDL_TEMPLATE}\0`,
  );
  for (const file of listFiles(migrationsDir)) {
    hash
      .update(`${relative(migrationsDir, file)}\0`)
      .update(readFileSync(file))
      .update('\0');
  }
  return hash.digest('hex');
}

function listFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => (a.name < b.name ? -1 : 1))
    .flatMap((entry) => (entry.isDirectory() ? listFiles(join(dir, entry.name)) : [join(dir, entry.name)]));
}
