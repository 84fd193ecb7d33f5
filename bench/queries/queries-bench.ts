import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';
import { startEmbeddedCluster } from '../../src/database/embedded/embedded-cluster';
import { runMigrateDeploy } from '../../src/database/migration/migrate-deploy';
import { describeHost } from '../test-setup/machine';
import { FAST_PATH_WORKLOADS, FAST_PATHS } from './fast-path-workloads';
import { FastPathRow, queriesSection, QueryRow } from './queries-report';
import { VariantFigures, VARIANTS, WORKLOADS } from './query-workloads';

const run = promisify(execFile);
const ROUNDS = 2;
/** More posts than operations, so every by-id request is one the cache has not seen. */
const POSTS = 5000;
/** Live sessions of the 20 accounts; the session workload cycles through them. */
const SESSIONS = 1000;

export interface QueriesBenchResult {
  rows: QueryRow[];
  fastPaths: FastPathRow[];
  section: string;
}

export interface QueriesBenchOptions {
  /** Only the fast read path's candidates (docs/performance.md, "Choosing the fast read path"). */
  fastPathsOnly?: boolean;
  log?: (line: string) => void;
}

async function seed(ownerUrl: string): Promise<string> {
  const client = new Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    await client.query('TRUNCATE "DemoPost", "AccountsUser" CASCADE');
    // Placeholder accounts (no password hash), as the demo's authors who never signed up are.
    await client.query(`INSERT INTO "AccountsUser" (id, email, "displayName", "passwordHash", "createdAt", "updatedAt")
      SELECT gen_random_uuid(), 'author-' || g || '@bench.invalid', 'Author ' || g, NULL, now(), now() FROM generate_series(1, 20) g`);
    await client.query(
      `INSERT INTO "DemoPost" (id, title, content, status, "authorId", "createdAt", "updatedAt")
      SELECT gen_random_uuid(), 'Post number ' || g, repeat('A sentence of body text. ', 1 + g % 12), 'PUBLISHED',
        (SELECT id FROM "AccountsUser" ORDER BY email OFFSET g % 20 LIMIT 1), now() - g * interval '1 minute', now()
      FROM generate_series(1, $1::int) g`,
      [POSTS],
    );
    // Token hashes as SessionsService stores them (SHA-256 of a token), live for a day.
    await client.query(
      `INSERT INTO "AccountsSession" (id, "userId", "tokenHash", "createdAt", "lastSeenAt", "idleExpiresAt", "absoluteExpiresAt")
      SELECT gen_random_uuid(), (SELECT id FROM "AccountsUser" ORDER BY email OFFSET g % 20 LIMIT 1),
        sha256(convert_to('bench-session-' || g, 'UTF8')), now(), now(), now() + interval '1 day', now() + interval '1 day'
      FROM generate_series(1, $1::int) g`,
      [SESSIONS],
    );
    await client.query('ANALYZE "DemoPost", "AccountsUser", "AccountsSession"');
    return (await client.query<{ server_version: string }>('SHOW server_version')).rows[0].server_version;
  } finally {
    await client.end();
  }
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/**
 * Medians over ROUNDS rounds of each variant on each workload, each run in a
 * process of its own (`script`), alternating the order across rounds.
 */
async function sample(
  script: string,
  variants: readonly string[],
  workloads: readonly string[],
  databaseUrl: string,
  log: (line: string) => void,
): Promise<(variant: string, workload: string, pick: (figures: VariantFigures) => number) => number> {
  const samples = new Map<string, VariantFigures[]>();
  for (let round = 0; round < ROUNDS; round++) {
    const order = round % 2 === 0 ? variants : [...variants].reverse();
    for (const workload of workloads) {
      for (const variant of order) {
        log(`round ${round + 1}: ${variant}, ${workload} …`);
        const { stdout } = await run(process.execPath, ['--import', 'tsx', join(__dirname, script), variant, workload], {
          cwd: join(__dirname, '..', '..'),
          env: { ...process.env, DATABASE_URL: databaseUrl, DATABASE_SCHEMA: '', NODE_ENV: 'production' },
          timeout: 120_000,
        });
        const key = `${variant}/${workload}`;
        samples.set(key, [...(samples.get(key) ?? []), JSON.parse(stdout.trim().split('\n').at(-1)!) as VariantFigures]);
      }
    }
  }
  return (variant, workload, pick) => median(samples.get(`${variant}/${workload}`)!.map(pick));
}

/**
 * Per-operation cost of each way to read the demo list, and of each
 * candidate for the fast read path on the list and the session check, on a
 * cluster of the bench's own under .data/bench-queries.
 */
export async function runQueriesBench(projectRoot: string, options: QueriesBenchOptions = {}): Promise<QueriesBenchResult> {
  const log = options.log ?? console.log;
  const cluster = await startEmbeddedCluster({ root: join(projectRoot, '.data', 'bench-queries'), durability: 'disposable' });
  try {
    await runMigrateDeploy(cluster.ownerUrl, join(projectRoot, 'prisma', 'migrations'));
    const postgres = await seed(cluster.ownerUrl);
    const rows = options.fastPathsOnly ? [] : await queryRows(cluster.runtimeUrl, log);
    const fast = await sample('fast-path-variant.ts', FAST_PATHS, FAST_PATH_WORKLOADS, cluster.runtimeUrl, log);
    const fastPaths: FastPathRow[] = FAST_PATHS.map((path) => {
      const of = (workload: string) => ({
        cpuMs: fast(path, workload, (f) => f.cpuMs),
        wallMs: fast(path, workload, (f) => f.wallMs),
        statements: fast(path, workload, (f) => f.statements ?? 0),
        statementsConcurrent: fast(path, workload, (f) => f.statementsConcurrent ?? 0),
      });
      return { path, list: of('list'), session: of('session') };
    });
    const machine = { ...describeHost(), postgres: `PostgreSQL ${postgres} (embedded, fsync off)` };
    return { rows, fastPaths, section: queriesSection(rows, fastPaths, machine, new Date()) };
  } finally {
    await cluster.stop();
  }
}

async function queryRows(databaseUrl: string, log: (line: string) => void): Promise<QueryRow[]> {
  const of = await sample('query-variant.ts', VARIANTS, WORKLOADS, databaseUrl, log);
  const figures = (variant: string, workload: string) => ({
    cpuMs: of(variant, workload, (f) => f.cpuMs),
    wallMs: of(variant, workload, (f) => f.wallMs),
    planCacheHits: of(variant, workload, (f) => f.planCacheHits ?? 0),
  });
  return VARIANTS.map((variant) => ({ variant, list: figures(variant, 'list'), byId: figures(variant, 'by-id') }));
}
