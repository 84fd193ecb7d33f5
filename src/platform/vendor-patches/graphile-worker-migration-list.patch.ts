// Not exported by graphile-worker's index: the list of schema migrations
// `runMigrations` applies, and the package version (manifest entry
// "graphile-worker-migration-list"). The queue schema check at startup and
// the jobs command compare a schema's recorded migration with the highest
// one here. A moved file fails the typecheck; a changed version fails the
// startup check.
import { migrations } from 'graphile-worker/dist/generated/sql';
import { version } from 'graphile-worker/dist/version';

/** `graphile-worker@<version>`: what builds the queue schemas (part of the test schemas' fingerprint). */
export const JOB_QUEUE_LIBRARY_VERSION = `graphile-worker@${version}`;

/** The queue schema migration this graphile-worker needs: the highest it ships (19 for 0.17.3). */
export const REQUIRED_QUEUE_MIGRATION = Math.max(...Object.keys(migrations).map((file) => parseInt(file, 10)));
