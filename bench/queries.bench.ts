/**
 * `npm run bench:queries`: what reading the demo list costs per operation
 * through Prisma with and without the query plan cache, through `$queryRaw`,
 * and through node-postgres alone; and what the list and the session check
 * cost through each candidate for the fast read path (Prisma, Kysely, pg).
 * Prints the tables and writes them into docs/performance.md.
 * `npm run bench:queries -- --fast-paths` measures and prints only the
 * candidates, and writes nothing.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { replaceSection } from './load/load-report';
import { fastPathTable, QUERIES_SECTION_HEADING, queriesTable } from './queries/queries-report';
import { runQueriesBench } from './queries/queries-bench';

async function main(): Promise<void> {
  const projectRoot = join(__dirname, '..');
  process.chdir(projectRoot);
  const fastPathsOnly = process.argv.includes('--fast-paths');
  const { rows, fastPaths, section } = await runQueriesBench(projectRoot, { fastPathsOnly });
  if (fastPathsOnly) {
    console.log(`\n${fastPathTable(fastPaths)}\n\n(--fast-paths: docs/performance.md left as it was)`);
    return;
  }
  console.log(`\n${queriesTable(rows)}\n\n${fastPathTable(fastPaths)}\n`);
  const docs = join(projectRoot, 'docs', 'performance.md');
  writeFileSync(docs, replaceSection(readFileSync(docs, 'utf8'), QUERIES_SECTION_HEADING, section));
  console.log(`written to docs/performance.md (section "${QUERIES_SECTION_HEADING}")`);
}

main().then(
  () => process.exit(0),
  (error: Error) => {
    console.error(`bench:queries failed: ${error.stack ?? error.message}`);
    process.exit(1);
  },
);
