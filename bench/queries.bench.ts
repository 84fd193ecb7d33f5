/**
 * `npm run bench:queries`: what reading the demo list costs per operation
 * through Prisma with and without the query plan cache, through `$queryRaw`,
 * and through node-postgres alone. Prints a table and writes it into
 * docs/performance.md.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { replaceSection } from './load/load-report';
import { QUERIES_SECTION_HEADING, queriesTable } from './queries/queries-report';
import { runQueriesBench } from './queries/queries-bench';

async function main(): Promise<void> {
  const projectRoot = join(__dirname, '..');
  process.chdir(projectRoot);
  const { rows, section } = await runQueriesBench(projectRoot);
  console.log(`\n${queriesTable(rows)}\n`);
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
