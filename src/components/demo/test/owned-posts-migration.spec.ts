import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import { MigrationAdapterFactory } from '../../../database/migration/migration-adapter.factory';

const MIGRATIONS = join(__dirname, '..', '..', '..', '..', 'prisma', 'migrations');

// A schema of this file's own, made and dropped here with the owner role, so
// the migrations run from an empty start without touching `public` or the
// worker schema (one per Jest worker: two workers never share it).
const SCHEMA = `demo_migration_spec_${process.env.JEST_WORKER_ID ?? '1'}`;

const ADA = { id: '7f1c0000-0000-4000-8000-00000000ada1', name: 'Ada Lovelace', email: 'ada@example.test' };
const GRACE = { id: '7f1c0000-0000-4000-8000-0000000c4ace', name: 'Grace Hopper', email: 'grace@example.test' };
const POSTS = [
  { id: '7f1c0000-0000-4000-8000-000000000001', title: 'First', content: 'Words', status: 'PUBLISHED', author: ADA },
  { id: '7f1c0000-0000-4000-8000-000000000002', title: 'Second', content: null, status: 'DRAFT', author: ADA },
  { id: '7f1c0000-0000-4000-8000-000000000003', title: 'Third', content: 'More', status: 'ARCHIVED', author: GRACE },
];

/**
 * What 20261123090100_demo_posts_owned_by_accounts does to a database that
 * has demo authors and posts. Signing in as one of the placeholder accounts
 * it makes (passwordHash NULL) is refused; the accounts component's own
 * tests cover that.
 */
describe('the migration that gives demo posts to accounts', () => {
  let owner: Client;
  let engine: Awaited<ReturnType<MigrationAdapterFactory['connect']>>;

  /**
   * Applies a migration as `prisma migrate deploy` does on the WebAssembly
   * schema engine: through the project's driver adapter, whose
   * `executeScript` splits the file at every semicolon and runs the pieces
   * one by one, outside a transaction.
   */
  const apply = (migration: string) => engine.executeScript(readFileSync(join(MIGRATIONS, migration, 'migration.sql'), 'utf8'));

  beforeAll(async () => {
    const ownerUrl = process.env.MIGRATION_DATABASE_URL;
    if (!ownerUrl) throw new Error('MIGRATION_DATABASE_URL is not set; run the tests through `npm test` (jest.globalSetup.ts sets it)');
    // search_path is the scratch schema alone: the migrations' unqualified names can land nowhere else.
    const url = new URL(ownerUrl);
    url.searchParams.set('options', `-c search_path=${SCHEMA}`);
    owner = new Client({ connectionString: url.toString() });
    await owner.connect();
    await owner.query(`DROP SCHEMA IF EXISTS ${SCHEMA} CASCADE`);
    await owner.query(`CREATE SCHEMA ${SCHEMA}`);
    engine = await new MigrationAdapterFactory(url.toString()).connect();

    await apply('20261122043143_init');
    await owner.query(`INSERT INTO "DemoUser" ("id", "name", "email", "updatedAt") VALUES ($1, $2, $3, now()), ($4, $5, $6, now())`, [
      ...Object.values(ADA),
      ...Object.values(GRACE),
    ]);
    for (const post of POSTS) {
      await owner.query(
        `INSERT INTO "DemoPost" ("id", "title", "content", "status", "authorId", "updatedAt") VALUES ($1, $2, $3, $4::"DemoPostStatus", $5, now())`,
        [post.id, post.title, post.content, post.status, post.author.id],
      );
    }
    await apply('20261123090000_accounts');
    await apply('20261123090100_demo_posts_owned_by_accounts');
  });

  afterAll(async () => {
    await engine?.dispose();
    await owner?.query(`DROP SCHEMA IF EXISTS ${SCHEMA} CASCADE`);
    await owner?.end();
  });

  it('keeps every post as it was, each by the account made from its old author', async () => {
    const { rows } = await owner.query<{
      id: string;
      title: string;
      content: string | null;
      status: string;
      authorId: string;
      displayName: string;
    }>(
      `SELECT p."id", p."title", p."content", p."status"::text AS "status", p."authorId", u."displayName"
       FROM "DemoPost" p JOIN "AccountsUser" u ON u."id" = p."authorId" ORDER BY p."id"`,
    );

    expect(rows).toEqual(
      POSTS.map(({ id, title, content, status, author }) => ({
        id,
        title,
        content,
        status,
        authorId: author.id,
        displayName: author.name,
      })),
    );
  });

  it('makes each old author a placeholder account: same id, the old name as display name, no password, a made-up .invalid email', async () => {
    const { rows } = await owner.query<{ id: string; displayName: string; passwordHash: string | null; email: string }>(
      `SELECT "id", "displayName", "passwordHash", "email" FROM "AccountsUser" ORDER BY "displayName"`,
    );

    expect(rows).toEqual(
      [ADA, GRACE].map(({ id, name }) => ({ id, displayName: name, passwordHash: null, email: `demo-author-${id}@placeholder.invalid` })),
    );
    // The old, never verified addresses are not taken over: their owners can still sign up with them.
    for (const { email } of rows) {
      expect(email).toMatch(/@placeholder\.invalid$/);
      expect(email).toBe(email.toLowerCase());
    }
  });

  it('drops DemoUser', async () => {
    const { rows } = await owner.query(`SELECT 1 FROM information_schema.tables WHERE table_schema = $1 AND table_name = 'DemoUser'`, [
      SCHEMA,
    ]);

    expect(rows).toEqual([]);
  });

  it('ties posts to accounts: a post needs an existing account, and goes with its account', async () => {
    const orphan = owner.query(
      `INSERT INTO "DemoPost" ("id", "title", "authorId", "updatedAt") VALUES (gen_random_uuid(), 'No author', gen_random_uuid(), now())`,
    );
    await expect(orphan).rejects.toThrow(/violates foreign key constraint "DemoPost_authorId_fkey"/);

    await owner.query(`DELETE FROM "AccountsUser" WHERE "id" = $1`, [GRACE.id]);

    const { rows } = await owner.query<{ id: string }>(`SELECT "id" FROM "DemoPost" ORDER BY "id"`);
    expect(rows.map(({ id }) => id)).toEqual(POSTS.filter((post) => post.author !== GRACE).map(({ id }) => id));
  });
});
