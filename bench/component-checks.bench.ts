// `npm run bench:component-checks`: what component discovery and the schema
// checks cost per build for 10, 100 and 1,000 synthetic components, cold (new
// process, no parse cache: the first build) and warm (parse cache on disk:
// every later build). Each measurement runs in a child process so module
// loading counts. Prints a table and writes it into docs/performance.md.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeSyntheticComponents } from './component-checks/synthetic-components';
import { markdownTable } from './test-setup/table';

const COUNTS = [10, 100, 1000];
const ROUNDS = 3;
const TARGET_MS = 300;

interface Timing {
  discoveryMs: number;
  checksMs: number;
  errors: number;
}

/** Child mode: one discovery + schema collection of `root`, timed from inside. */
async function measure(root: string): Promise<void> {
  const started = performance.now();
  const { collectComponents } = await import('../build/component-discovery/collect-components');
  const { collectSchemas } = await import('../build/database-schema/collect-schemas');
  const { SchemaFactsCache } = await import('../build/database-schema/schema-facts-cache');
  const componentsDir = join(root, 'src', 'components');
  const loaded = performance.now();
  const components = collectComponents({ projectRoot: root, componentsDir });
  const discovered = performance.now();
  const schemas = collectSchemas({
    projectRoot: root,
    componentsDir,
    dependencies: components.dependencies,
    cache: SchemaFactsCache.forProject(root),
  });
  const checked = performance.now();
  const timing: Timing = {
    discoveryMs: discovered - loaded + (loaded - started),
    checksMs: checked - discovered,
    errors: components.errors.length + schemas.errors.length,
  };
  process.stdout.write(JSON.stringify(timing));
}

function runChild(root: string): Timing {
  const output = execFileSync(process.execPath, ['--import', 'tsx', __filename, '--measure', root], { encoding: 'utf8' });
  return JSON.parse(output) as Timing;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const ms = (value: number) => `${value.toFixed(0)} ms`;

function main(): void {
  const rows: string[][] = [];
  for (const count of COUNTS) {
    const root = mkdtempSync(join(tmpdir(), 'component-checks-bench-'));
    try {
      writeSyntheticComponents(join(root, 'src', 'components'), count);
      const cold: Timing[] = [];
      const warm: Timing[] = [];
      for (let round = 0; round < ROUNDS; round++) {
        rmSync(join(root, 'node_modules'), { recursive: true, force: true });
        cold.push(runChild(root));
        warm.push(runChild(root));
      }
      if ([...cold, ...warm].some((t) => t.errors > 0)) throw new Error(`synthetic components reported errors at ${count}`);
      const checksCold = median(cold.map((t) => t.checksMs));
      const checksWarm = median(warm.map((t) => t.checksMs));
      const discovery = median(warm.map((t) => t.discoveryMs));
      rows.push([
        String(count),
        ms(checksCold),
        ms(checksWarm),
        `${((checksWarm * 1000) / count).toFixed(0)} µs`,
        ms(discovery),
        ms(discovery + checksWarm),
        count === 1000 ? `${discovery + checksWarm <= TARGET_MS ? 'PASS' : 'MISS'} (≤ ${TARGET_MS} ms)` : '',
      ]);
      console.log(`${count} components: checks cold ${ms(checksCold)}, warm ${ms(checksWarm)}; discovery ${ms(discovery)}`);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  }
  const table = markdownTable(
    [
      'components',
      'schema checks, cold',
      'schema checks, warm',
      'warm per component',
      'discovery (metadata)',
      'discovery + checks, warm',
      '1,000 target',
    ],
    rows,
  );
  const section = `<!-- component-checks:start -->
Run on ${new Date().toISOString().slice(0, 10)}, ${cpus()[0]?.model ?? 'unknown CPU'}, ${cpus().length} cores, Node ${process.version}; medians of ${ROUNDS} rounds, each in a new process.
"Schema checks" is reading every component schema, parsing it (cold: with @mrleebo/prisma-ast, loaded on first use; warm: from the parse cache in node_modules/.cache), the duplicate, dependsOn, back-relation and prefix checks, and rendering the copies. "Discovery" is reading every component.meta.ts and module file (with the module load).

${table}
<!-- component-checks:end -->`;
  console.log(`\n${table}`);
  const docs = join(__dirname, '..', 'docs', 'performance.md');
  const current = readFileSync(docs, 'utf8');
  const replaced = current.replace(/<!-- component-checks:start -->[\s\S]*<!-- component-checks:end -->/, section);
  writeFileSync(
    docs,
    replaced === current && !current.includes('component-checks:start')
      ? `${current.trimEnd()}\n\n## Component discovery and schema checks\n\n${section}\n`
      : replaced,
  );
}

if (process.argv[2] === '--measure') void measure(process.argv[3]);
else main();
