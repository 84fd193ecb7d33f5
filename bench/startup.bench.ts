/**
 * `npm run bench:startup`: time from `npm start` to the first 200 on
 * /health, on a fresh clone and on an initialised embedded database, and the
 * same with `node dist/main.js` to separate the build from the app (see
 * bench/startup/run-startup-bench.ts). Prints a table and writes it to
 * docs/performance.md, section "Startup".
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { replaceSection } from './load/load-report';
import { runStartupBench } from './startup/run-startup-bench';
import { STARTUP_SECTION_HEADING, startupSection, startupTable } from './startup/startup-report';
import { describeHost } from './test-setup/machine';

async function main(): Promise<void> {
  const projectRoot = join(__dirname, '..');
  const result = await runStartupBench({ projectRoot, log: (line) => console.log(line) });
  console.log(`\n${startupTable(result)}\n`);
  const docs = join(projectRoot, 'docs', 'performance.md');
  writeFileSync(
    docs,
    replaceSection(readFileSync(docs, 'utf8'), STARTUP_SECTION_HEADING, startupSection(result, describeHost(), new Date())),
  );
  console.log(`written to ${docs}`);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
