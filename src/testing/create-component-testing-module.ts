import { ModuleMetadata } from '@nestjs/common';
import { Test, TestingModule } from '@nestjs/testing';
import { components, PLATFORM_MODULES } from '../app.module';
import { JOBS_CONFIG, readJobsConfig } from '../platform/jobs/jobs-config';
import { QUEUE_WATCH_ON_TIMER } from '../platform/jobs/queue-watch.service';
import type { ComponentComposition } from '../server/components/component-composition';
import { LOG_SETTINGS, type LogSettings } from '../server/observability/logging/log-settings';

/**
 * `manual` (tests' default): this process runs no jobs by itself; the test
 * runs them with the scenario helper (src/testing/events/event-scenario.ts),
 * and checks its queue for a stuck one only when the test calls
 * QueueWatchService.checkNow(). `running`: the real runner and the minutely
 * queue check, as in production (JOBS_CONCURRENCY, at least 1).
 */
export type TestJobs = 'manual' | 'running';

/**
 * `silent` (tests' default): the app's pino logger writes nothing (no request
 * lines; Nest Logger lines go to the test's own logger, if any). `app`: as
 * production configures it, from NODE_ENV and LOG_LEVEL (a child-process app).
 */
export type TestLogs = 'silent' | 'app';

const SILENT: LogSettings = { level: 'silent', format: 'pretty', colors: false };

/**
 * Compiles a testing module of composed components (ComponentComposition):
 * a boot failure because a component needs a provider of a component it did
 * not declare is thrown as UndeclaredComponentDependencyError, naming both
 * and the fix, instead of Nest's generic "can't resolve dependencies".
 */
export async function compileComposedTestingModule(
  metadata: ModuleMetadata,
  composition: ComponentComposition = components,
  jobs: TestJobs = 'manual',
  logs: TestLogs = 'silent',
): Promise<TestingModule> {
  const config = readJobsConfig(process.env);
  const builder = Test.createTestingModule(metadata);
  if (logs === 'silent') builder.overrideProvider(LOG_SETTINGS).useValue(SILENT);
  return builder
    .overrideProvider(JOBS_CONFIG)
    .useValue({ ...config, concurrency: jobs === 'running' ? Math.max(config.concurrency, 1) : 0 })
    .overrideProvider(QUEUE_WATCH_ON_TIMER)
    .useValue(jobs === 'running')
    .compile()
    .catch((error: unknown) => {
      throw composition.explainBootFailure(error);
    });
}

/**
 * For a component's service tests: the component composed as the app
 * composes it (its module imports the modules of its `dependsOn`, and theirs),
 * with the platform's modules (the database on this worker's test schema),
 * and nothing else; compiled and initialised. No HTTP: for pages use
 * startComponentTestServer. `metadata` adds test-only providers or modules.
 * Close it in `afterAll`.
 */
export async function createComponentTestingModule(id: string, metadata: ModuleMetadata = {}): Promise<TestingModule> {
  const moduleRef = await compileComposedTestingModule({
    ...metadata,
    imports: [...PLATFORM_MODULES, ...components.modulesFor([id]), ...(metadata.imports ?? [])],
  });
  await moduleRef.init();
  return moduleRef;
}
