/**
 * `npm run bench:reset`: what `resetWorkerSchema` costs per test, with the
 * tables of 10 and of 100 components in the worker schema, for the reset
 * before issue 8 and the strategies considered for it, side by side on the
 * same tests. A test writes 1–3 tables of one of 10 components, then the
 * schema is reset and checked empty (untimed). Every strategy resets after
 * every test position in turn, so they see the same tables with the same
 * history. Uses its own cluster under .data/bench, connects as the runtime
 * role like the tests, and stops the cluster at the end. Results:
 * docs/performance.md.
 */
import { join } from 'node:path';
import { Logger } from '@nestjs/common';
import { PrismaService } from '../src/database/runtime/prisma.service';
import { locatePgDump } from '../src/testing/worker-schemas/pg-dump-locator';
import { asOwner, BenchDatabase, recreateDatabase, startBenchCluster } from './test-setup/bench-cluster';
import { describeMachine } from './test-setup/machine';
import { markdownTable } from './test-setup/table';
import { componentTablesSql, TABLES_PER_COMPONENT, testWriteSql } from './reset-worker-schema/component-tables';
import { resetStrategies, ResetStrategy } from './reset-worker-schema/strategies';

const COMPONENT_COUNTS = [10, 100];
/** Components whose tables the tests write: a worker runs the tests of a few components, not of all. */
const TESTED_COMPONENTS = 10;
const WARMUP_TESTS = 10;
const TIMED_TESTS = 200;

interface Row {
  components: number;
  tables: number;
  strategy: string;
  times: number[];
}

async function main(): Promise<void> {
  const projectRoot = join(__dirname, '..');
  Logger.overrideLogger(['error', 'warn']);
  const cluster = await startBenchCluster(projectRoot);
  const stopNow = () => cluster.stopSync();
  process.once('exit', stopNow);
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => process.exit(130));
  try {
    const machine = await describeMachine(cluster.ownerUrl, locatePgDump(15).path);
    console.log(
      `\n## Machine\n\n${markdownTable(
        ['', ''],
        [
          ['CPU', `${machine.cpu}, ${machine.cores} cores`],
          ['memory', machine.memory],
          ['Node', machine.node],
          ['server', machine.postgres],
        ],
      )}\n`,
    );
    const db = await recreateDatabase(cluster, 'bench_reset');
    const rows: Row[] = [];
    for (const [index, components] of COMPONENT_COUNTS.entries()) {
      const schema = `test_${index + 1}`;
      await createWorkerSchema(db, schema, components);
      console.log(`measuring ${components} components (${components * TABLES_PER_COMPONENT} tables) in ${schema} …`);
      rows.push(...(await measure(db, schema, components)));
    }
    console.log(
      `\n## Reset per test (${TIMED_TESTS} tests per strategy, after ${WARMUP_TESTS} untimed; each writes 1–3 tables of one of ${TESTED_COMPONENTS} components)\n`,
    );
    console.log(resultTable(rows));
  } finally {
    process.off('exit', stopNow);
    await cluster.stop();
  }
}

/** `test_<k>` with the synthetic tables, owned by the owner role, DML for the runtime role (as the test setup grants it). */
async function createWorkerSchema(db: BenchDatabase, schema: string, components: number): Promise<void> {
  const runtimeRole = decodeURIComponent(new URL(db.runtimeUrl).username);
  await asOwner(db, (client) =>
    client.query(`BEGIN;
      DROP SCHEMA IF EXISTS ${schema} CASCADE;
      CREATE SCHEMA ${schema};
      ${componentTablesSql(schema, components)}
      GRANT USAGE ON SCHEMA ${schema} TO "${runtimeRole}";
      GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA ${schema} TO "${runtimeRole}";
      COMMIT;`),
  );
}

async function measure(db: BenchDatabase, schema: string, components: number): Promise<Row[]> {
  process.env.DATABASE_URL = db.runtimeUrl;
  process.env.DATABASE_SCHEMA = schema;
  const prisma = new PrismaService();
  await prisma.onModuleInit();
  const strategies = resetStrategies();
  const times = new Map<ResetStrategy, number[]>(strategies.map((strategy) => [strategy, []]));
  try {
    for (let test = 0; test < WARMUP_TESTS + TIMED_TESTS; test++) {
      const component = 1 + ((test * 3) % Math.min(TESTED_COMPONENTS, components));
      const write = testWriteSql(schema, component, (1 + (test % 3)) as 1 | 2 | 3);
      // Rotate who goes first, so no strategy always follows the same one.
      for (let i = 0; i < strategies.length; i++) {
        const strategy = strategies[(test + i) % strategies.length];
        await prisma.$executeRawUnsafe(write.sql);
        const started = performance.now();
        await strategy.reset(prisma);
        const ms = performance.now() - started;
        if (test >= WARMUP_TESTS) times.get(strategy)!.push(ms);
        await expectEmpty(prisma, write.written, strategy.label);
      }
    }
    const [{ written }] = await prisma.$queryRaw<{ written: number }[]>`
      SELECT count(*)::int AS written FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = ${schema} AND c.relkind = 'r' AND pg_relation_size(c.oid) > 0`;
    console.log(`  ${written} of its ${components * TABLES_PER_COMPONENT} tables were written at least once (they have pages)`);
  } finally {
    await prisma.$disconnect();
  }
  return strategies.map((strategy) => ({
    components,
    tables: components * TABLES_PER_COMPONENT,
    strategy: strategy.label,
    times: times.get(strategy)!,
  }));
}

async function expectEmpty(prisma: PrismaService, tables: string[], strategy: string): Promise<void> {
  const [{ rows }] = await prisma.$queryRawUnsafe<{ rows: number }[]>(
    `SELECT (${tables.map((table) => `(SELECT count(*) FROM ${table})`).join(' + ')})::int AS rows`,
  );
  if (rows !== 0) throw new Error(`${strategy} left ${rows} rows in ${tables.join(', ')}`);
}

function resultTable(rows: Row[]): string {
  const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
  const ms = (value: number) => `${value < 10 ? value.toFixed(2) : value.toFixed(1)} ms`;
  return markdownTable(
    ['components (tables)', 'strategy', 'median', 'p10–p90', '÷ before'],
    rows.map((row) => {
      const sorted = [...row.times].sort((a, b) => a - b);
      const before = rows.find((other) => other.components === row.components)!;
      const beforeMedian = percentile(
        [...before.times].sort((a, b) => a - b),
        0.5,
      );
      const median = percentile(sorted, 0.5);
      return [
        `${row.components} (${row.tables})`,
        row.strategy,
        ms(median),
        `${ms(percentile(sorted, 0.1))}–${ms(percentile(sorted, 0.9))}`,
        row === before ? '1' : `${(median / beforeMedian).toFixed(3)}`,
      ];
    }),
  );
}

main().then(
  () => process.exit(0),
  (error: Error) => {
    console.error(`bench:reset failed: ${error.stack ?? error.message}`);
    process.exit(1);
  },
);
