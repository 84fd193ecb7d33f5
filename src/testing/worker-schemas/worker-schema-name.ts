/**
 * The one definition of the schemas the test setup owns: `test_1` … `test_N`,
 * one per Jest worker. Everything that builds, matches or protects them uses
 * these, in JavaScript and in SQL alike.
 */

/** PostgreSQL regular expression (for `~`) that matches exactly the worker schema names. */
export const WORKER_SCHEMA_SQL_PATTERN = '^test_[1-9][0-9]*$';

const WORKER_SCHEMA = new RegExp(WORKER_SCHEMA_SQL_PATTERN);

export function workerSchemaName(worker: number): string {
  return `test_${worker}`;
}

export function isWorkerSchema(schema: string): boolean {
  return WORKER_SCHEMA.test(schema);
}

/** The schema of the Jest worker this process is (`JEST_WORKER_ID=k` → `test_k`). */
export function jestWorkerSchema(env: NodeJS.ProcessEnv): string {
  const id = env.JEST_WORKER_ID ?? '';
  if (!/^[1-9][0-9]*$/.test(id)) {
    throw new Error(`JEST_WORKER_ID="${id}" is not a Jest worker number; run the tests through \`npm test\``);
  }
  return workerSchemaName(Number(id));
}
