/**
 * `npm run load [-- <scenario> … --duration <s> --connections <n>]`: drives
 * the built app (production mode, loopback) with autocannon, as a few
 * virtual users it signs up through the app before the traffic starts,
 * then checks in the database that every acknowledged post is stored
 * exactly once.
 * Scenarios: steady, outage (PostgreSQL stopped and restarted), sigterm,
 * pgbouncer (two instances behind PgBouncer). Uses its own cluster under
 * .data/load, stops everything it started (also on Ctrl-C), and writes its
 * figures to docs/performance.md. Exit code 1 when an expectation fails.
 */
import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describeHost } from './test-setup/machine';
import { ensureAppBuilt } from './load/app-build';
import { LoadDatabase } from './load/load-database';
import { DEFAULT_DURATION_S, LoadOptions, parseLoadOptions } from './load/load-options';
import { UsageError } from './errors/usage.error';
import { abortOnSignals } from './load/abort-on-signals';
import { giveUpAfter } from './load/give-up-after';
import { LOAD_SECTION_HEADING, LoadMachine, loadSection, scenarioDetails, summaryTable, replaceSection } from './load/load-report';
import type { ScenarioContext } from './load/scenario-context';
import { check, ScenarioResult } from './load/scenario-result';
import { SCENARIO_RUNNERS } from './load/scenarios/scenario-registry';
import { Teardown } from './load/teardown';

/** Build, cluster start and migrations, on top of each scenario's own time. */
const SETUP_ALLOWANCE_S = 12 * 60;
/** Per scenario: app starts, draining, the outage's restart, the shutdown wait, settling. */
const SCENARIO_ALLOWANCE_S = 120;

const log = (line: string) => console.log(line);

async function main(options: LoadOptions, abort: AbortController, teardown: Teardown): Promise<number> {
  const projectRoot = join(__dirname, '..');
  // The app, the Prisma CLI (migrations) and the embedded binaries resolve paths from the working directory.
  process.chdir(projectRoot);
  await ensureAppBuilt(projectRoot, log);
  const database = await LoadDatabase.start(projectRoot, log);
  teardown.add(database);
  const machine: LoadMachine = { ...describeHost(), postgres: await database.describe() };
  const csrfSecret = randomBytes(48).toString('base64url');

  const results: ScenarioResult[] = [];
  for (const name of options.scenarios) {
    if (abort.signal.aborted) break;
    const durationS = options.durationS ?? DEFAULT_DURATION_S[name];
    log(`\n## ${name}`);
    const context: ScenarioContext = {
      projectRoot,
      database,
      teardown,
      csrfSecret,
      connections: options.connections,
      durationS,
      signal: abort.signal,
      log,
      machine,
    };
    const result = await SCENARIO_RUNNERS[name](context).catch((error: Error): ScenarioResult => ({
      name,
      outcome: 'failed',
      checks: [check('the scenario ran to its end', false, abort.signal.aborted ? 'interrupted (Ctrl-C)' : error.message)],
      notes: [],
    }));
    log(`\n${scenarioDetails(result)}`);
    results.push(result);
  }

  log(`\n## Summary\n\n${summaryTable(results)}\n`);
  if (abort.signal.aborted) {
    log('interrupted: docs/performance.md left as it was');
    return 130;
  }
  if (options.explicit) {
    // The section holds one table of every scenario from one run; a partial run would replace it with fewer.
    log('docs/performance.md left as it was: only a run of every scenario (npm run load, no names) writes it');
  } else {
    const docs = join(projectRoot, 'docs', 'performance.md');
    writeFileSync(docs, replaceSection(readFileSync(docs, 'utf8'), LOAD_SECTION_HEADING, loadSection(results, machine, new Date())));
    log(`written to docs/performance.md (section "${LOAD_SECTION_HEADING}")`);
  }

  const failed = results.filter((result) => result.outcome === 'failed' || (result.outcome === 'skipped' && options.explicit));
  if (failed.length > 0) log(`expectations not met: ${failed.map((result) => result.name).join(', ')}`);
  return failed.length > 0 ? 1 : 0;
}

function run(): void {
  let options: LoadOptions;
  try {
    options = parseLoadOptions(process.argv.slice(2));
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(`npm run load: ${error.message}`);
    process.exit(2);
  }
  const teardown = new Teardown(log);
  // Unwinds in order: traffic, apps, PgBouncer, PostgreSQL.
  const abort = abortOnSignals(log, 'stopping the traffic, the app, PgBouncer and PostgreSQL');
  const budgetS =
    SETUP_ALLOWANCE_S +
    options.scenarios.reduce((sum, name) => sum + (options.durationS ?? DEFAULT_DURATION_S[name]) + SCENARIO_ALLOWANCE_S, 0);
  giveUpAfter('npm run load', budgetS);

  let code = 1;
  void main(options, abort, teardown)
    .then(
      (result) => (code = result),
      (error: Error) => console.error(`npm run load failed: ${error.message}`),
    )
    .finally(async () => {
      await teardown.stopAll();
      process.exit(code);
    });
}

run();
