import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';
import { startEmbeddedCluster } from '../../src/database/embedded/embedded-cluster';
import { runMigrateDeploy } from '../../src/database/migration/migrate-deploy';
import { describeHost } from '../test-setup/machine';
import { queriesSection, QueryRow } from './queries-report';
import { VariantFigures, VARIANTS, WORKLOADS } from './query-workloads';

const run = promisify(execFile);
const ROUNDS = 2;
/** More posts than operations, so every by-id request is one the cache has not seen. */
const POSTS = 5000;

export interface QueriesBenchResult {
  rows: QueryRow[];
  section: string;
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
    await client.query('ANALYZE "DemoPost", "AccountsUser"');
    return (await client.query<{ server_version: string }>('SHOW server_version')).rows[0].server_version;
  } finally {
    await client.end();
  }
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/**
 * Per-operation cost of each way to read the demo list, each in a process
 * of its own, on a cluster of the bench's own under .data/bench-queries,
 * alternating the order across rounds.
 */
export async function runQueriesBench(projectRoot: string, log: (line: string) => void = console.log): Promise<QueriesBenchResult> {
  const cluster = await startEmbeddedCluster({ root: join(projectRoot, '.data', 'bench-queries'), durability: 'disposable' });
  try {
    await runMigrateDeploy(cluster.ownerUrl, join(projectRoot, 'prisma', 'migrations'));
    const postgres = await seed(cluster.ownerUrl);
    const samples = new Map<string, VariantFigures[]>();
    for (let round = 0; round < ROUNDS; round++) {
      const order = round % 2 === 0 ? VARIANTS : [...VARIANTS].reverse();
      for (const workload of WORKLOADS) {
        for (const variant of order) {
          log(`round ${round + 1}: ${variant}, ${workload} …`);
          const { stdout } = await run(process.execPath, ['--import', 'tsx', join(__dirname, 'query-variant.ts'), variant, workload], {
            cwd: projectRoot,
            env: { ...process.env, DATABASE_URL: cluster.runtimeUrl, DATABASE_SCHEMA: '', NODE_ENV: 'production' },
            timeout: 120_000,
          });
          const key = `${variant}/${workload}`;
          samples.set(key, [...(samples.get(key) ?? []), JSON.parse(stdout.trim().split('\n').at(-1)!) as VariantFigures]);
        }
      }
    }
    const rows: QueryRow[] = VARIANTS.map((variant) => {
      const of = (workload: string, pick: (figures: VariantFigures) => number) => median(samples.get(`${variant}/${workload}`)!.map(pick));
      return {
        variant,
        list: {
          cpuMs: of('list', (f) => f.cpuMs),
          wallMs: of('list', (f) => f.wallMs),
          planCacheHits: of('list', (f) => f.planCacheHits ?? 0),
        },
        byId: {
          cpuMs: of('by-id', (f) => f.cpuMs),
          wallMs: of('by-id', (f) => f.wallMs),
          planCacheHits: of('by-id', (f) => f.planCacheHits ?? 0),
        },
      };
    });
    const machine = { ...describeHost(), postgres: `PostgreSQL ${postgres} (embedded, fsync off)` };
    return { rows, section: queriesSection(rows, machine, new Date()) };
  } finally {
    await cluster.stop();
  }
}
