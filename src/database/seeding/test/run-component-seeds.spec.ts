import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '@prisma/client';
import { ComponentSeedError } from '../../../platform/errors/component-seed.error';
import type { ComponentSeedEntry } from '../../runtime/component-seed';
import { runComponentSeeds } from '../run-component-seeds';

// Fixture tables of its own, in a scratch schema made with the owner role: the
// runner is platform code and must not depend on any component's tables.
const SCHEMA = `seed_spec_${process.env.JEST_WORKER_ID ?? '1'}`;

/** Seeds in the shape components write them: idempotent upserts, here in SQL on fixture tables. */
const parentSeed: ComponentSeedEntry = {
  componentId: 'parents',
  seed: async (db) => {
    await db.$executeRawUnsafe(`INSERT INTO "${SCHEMA}".parent (id, name) VALUES (1, 'one'), (2, 'two') ON CONFLICT (id) DO NOTHING`);
  },
};
const childSeed: ComponentSeedEntry = {
  componentId: 'children',
  seed: async (db) => {
    await db.$executeRawUnsafe(`INSERT INTO "${SCHEMA}".child (id, parent_id) VALUES (10, 1), (20, 2) ON CONFLICT (id) DO NOTHING`);
  },
};

describe('runComponentSeeds against PostgreSQL', () => {
  let client: PrismaClient;
  const lines: string[] = [];
  const count = async (table: string) =>
    Number((await client.$queryRawUnsafe<{ n: bigint }[]>(`SELECT count(*) AS n FROM "${SCHEMA}".${table}`))[0].n);

  beforeAll(async () => {
    client = new PrismaClient({ adapter: new PrismaPg({ connectionString: process.env.MIGRATION_DATABASE_URL, max: 2 }) });
    await client.$executeRawUnsafe(`DROP SCHEMA IF EXISTS "${SCHEMA}" CASCADE`);
    await client.$executeRawUnsafe(`CREATE SCHEMA "${SCHEMA}"`);
    await client.$executeRawUnsafe(`CREATE TABLE "${SCHEMA}".parent (id int PRIMARY KEY, name text NOT NULL)`);
    await client.$executeRawUnsafe(
      `CREATE TABLE "${SCHEMA}".child (id int PRIMARY KEY, parent_id int NOT NULL REFERENCES "${SCHEMA}".parent (id))`,
    );
  });

  afterAll(async () => {
    await client.$executeRawUnsafe(`DROP SCHEMA IF EXISTS "${SCHEMA}" CASCADE`);
    await client.$disconnect();
  });

  beforeEach(async () => {
    lines.length = 0;
    await client.$executeRawUnsafe(`TRUNCATE "${SCHEMA}".parent, "${SCHEMA}".child`);
  });

  it('runs the seeds in the order given, each seeing the rows of the ones before', async () => {
    const seeded = await runComponentSeeds(client, [parentSeed, childSeed], (line) => lines.push(line));

    expect(seeded).toEqual(['parents', 'children']);
    expect(await count('child')).toBe(2);
    expect(lines).toEqual([expect.stringMatching(/^seeded parents in \d+ ms$/), expect.stringMatching(/^seeded children in \d+ ms$/)]);
  });

  it('creates no duplicates when run a second time', async () => {
    await runComponentSeeds(client, [parentSeed, childSeed], () => undefined);
    await runComponentSeeds(client, [parentSeed, childSeed], () => undefined);

    expect([await count('parent'), await count('child')]).toEqual([2, 2]);
  });

  it('rolls back a failing seed, keeps the seeds before it, and names the component and the fix', async () => {
    const failing: ComponentSeedEntry = {
      componentId: 'broken',
      seed: async (db) => {
        await db.$executeRawUnsafe(`INSERT INTO "${SCHEMA}".parent (id, name) VALUES (3, 'three')`);
        await db.$executeRawUnsafe(`INSERT INTO "${SCHEMA}".child (id, parent_id) VALUES (30, 999)`); // no parent 999
      },
    };

    const run = runComponentSeeds(client, [parentSeed, failing, childSeed], () => undefined);

    await expect(run).rejects.toThrow(ComponentSeedError);
    await expect(run).rejects.toThrow(
      /^the seed of component "broken" \(src\/components\/broken\/prisma\/seed\.ts\) failed and was rolled back: .*; fix the seed and run `npx prisma db seed` again$/,
    );
    expect(await client.$queryRawUnsafe(`SELECT id FROM "${SCHEMA}".parent ORDER BY id`)).toEqual([{ id: 1 }, { id: 2 }]);
    expect(await count('child')).toBe(0);
  });
});
