// `npm run db:check`: fails (exit code 1) when committed database artefacts
// are out of step with the component schemas, naming the command that fixes
// each problem. CI runs it after the build (.ci/run). See docs/database.md.
import type { DbCheck } from './db-check.types';
import { DB_CHECKS } from './db-checks';

/** Runs every check, one after the other; resolves with all problems found. A check that throws counts as a problem. */
export async function runDbChecks(
  projectRoot: string,
  checks: readonly DbCheck[] = DB_CHECKS,
  log = (line: string) => console.log(line),
): Promise<string[]> {
  const problems: string[] = [];
  for (const check of checks) {
    const found = await check.run(projectRoot).catch((error: Error) => [`could not check that ${check.name}: ${error.message}`]);
    if (found.length === 0) log(`db:check: ok, ${check.name}`);
    problems.push(...found);
  }
  return problems;
}

if (require.main === module) {
  void runDbChecks(process.cwd()).then((problems) => {
    for (const problem of problems) console.error(`db:check: ${problem}`);
    process.exitCode = problems.length > 0 ? 1 : 0;
  });
}
