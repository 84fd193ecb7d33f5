import { startTestRun } from '../../src/testing/worker-schemas/test-run';
import { pgDumpArgs } from '../../src/testing/worker-schemas/worker-schemas';
import { dropWorkerSchemas } from './bench-cluster';
import { runChild } from './child-process';
import { runReferenceRecipe } from './reference-recipe';
import { repeat, Samples, summarise } from './samples';
import type { BenchSubject } from './subjects';

export interface SetupRow {
  subject: string;
  workers: number;
  cold: Samples;
  warm: Samples;
  reference: { ok: true; samples: Samples } | { ok: false; schema: string; error: string };
}

/**
 * What jest.globalSetup.ts spends in the database: `startTestRun` (lock,
 * guard, pg_dump lookup, fingerprint check, and the rebuild if any) plus
 * `finish()`. Fails the bench if the run did not rebuild what it should.
 */
async function timeTestRun(subject: BenchSubject, workers: number, projectRoot: string, expectRebuilt: number): Promise<number> {
  const started = performance.now();
  const run = await startTestRun({
    workers,
    projectRoot,
    env: { DATABASE_URL: subject.db.runtimeUrl, MIGRATION_DATABASE_URL: subject.db.ownerUrl, PATH: process.env.PATH },
    log: (line) => console.log(`  [${subject.label}] ${line}`),
    migrationsDir: subject.migrationsDir,
    migrate: subject.migrate,
  });
  await run.finish();
  const ms = performance.now() - started;
  if (run.report.rebuilt.length !== expectRebuilt) {
    throw new Error(
      `${subject.label}, ${workers} workers: expected ${expectRebuilt} schemas rebuilt, got ${run.report.rebuilt.length}; the measurement would be wrong`,
    );
  }
  return ms;
}

/**
 * For one schema and N: cold (fingerprint changed, all N schemas dropped and
 * rebuilt), warm (nothing to do), then the reference recipe, `times` each.
 * An untimed run first leaves N schemas in place, so every cold run and every
 * recipe run starts by dropping N existing schemas.
 */
export async function measureSetup(
  subject: BenchSubject,
  workers: number,
  times: number,
  projectRoot: string,
  pgDump: string,
): Promise<SetupRow> {
  subject.changeFingerprint();
  await timeTestRun(subject, workers, projectRoot, workers);
  const cold = await repeat(times, () => {
    subject.changeFingerprint();
    return timeTestRun(subject, workers, projectRoot, workers);
  });
  await subject.verifyClone?.(`test_${workers}`);
  const warm = await repeat(times, () => timeTestRun(subject, workers, projectRoot, 0));

  const recipeTimes: number[] = [];
  let reference: SetupRow['reference'] | undefined;
  for (let i = 0; i < times && !reference; i++) {
    const outcome = await runReferenceRecipe(subject.db.ownerUrl, pgDump, workers);
    if (outcome.ok) recipeTimes.push(outcome.ms);
    else reference = { ok: false, schema: outcome.schema, error: outcome.error };
  }
  // The recipe's schemas carry no mark, so the next setup would refuse them.
  await dropWorkerSchemas(subject.db);
  return { subject: subject.label, workers, cold, warm, reference: reference ?? { ok: true, samples: summarise(recipeTimes) } };
}

/** One `pg_dump --schema-only` as the setup runs it: the part of a cold run that does not shrink with parallelism. */
export function timePgDump(subject: BenchSubject, times: number, pgDump: string): Promise<Samples> {
  const args = pgDumpArgs(subject.db.ownerUrl);
  return repeat(times, async () => {
    const result = await runChild(pgDump, args, { timeoutMs: 60_000 });
    if (result.code !== 0) throw new Error(`pg_dump of ${subject.label} failed: ${result.stderr.trim()}`);
    return result.ms;
  });
}
