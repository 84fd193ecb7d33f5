import { randomUUID } from 'node:crypto';
import type { LoadDatabase } from '../load/load-database';
import type { BenchData } from './bench-data';

/** `2025-06-01T09:00:00.000`: the columns are `timestamp(3)` in UTC, as Prisma writes them. */
const utcTimestamp = (date: Date) => date.toISOString().slice(0, -1);

/**
 * Replaces every account and demo post with `data`, in one transaction, so
 * the three servers read the same rows. The authors are placeholder
 * accounts (no password hash: they cannot sign in), as the migration makes
 * of authors who never signed up. The cluster is the benchmark's own
 * (.data/bench-pages); no one else's data is touched.
 */
export async function seedPagesData(database: LoadDatabase, data: BenchData): Promise<void> {
  await database.asOwner(async (client) => {
    await client.query('BEGIN');
    try {
      await client.query('DELETE FROM "DemoPost"');
      // Their sessions go with them (ON DELETE CASCADE).
      await client.query('DELETE FROM "AccountsUser"');
      // The signed-in row signs a reader up on every run; earlier runs' attempts must not reach the hourly sign-up limit.
      await client.query('DELETE FROM "AccountsRateLimit"');
      const authorIds = data.authors.map(() => randomUUID());
      const now = utcTimestamp(new Date());
      await client.query(
        `INSERT INTO "AccountsUser" (id, email, "displayName", "passwordHash", "createdAt", "updatedAt")
         SELECT id, email, name, NULL, $4::timestamp(3), $4::timestamp(3)
         FROM unnest($1::uuid[], $2::text[], $3::text[]) AS a(id, name, email)`,
        [authorIds, data.authors.map((author) => author.displayName), data.authors.map((author) => author.email), now],
      );
      await client.query(
        `INSERT INTO "DemoPost" (id, title, content, status, "authorId", "createdAt", "updatedAt")
         SELECT id, title, content, status, author, created, created
         FROM unnest($1::uuid[], $2::text[], $3::text[], $4::"DemoPostStatus"[], $5::uuid[], $6::timestamp(3)[]) AS p(id, title, content, status, author, created)`,
        [
          data.posts.map(() => randomUUID()),
          data.posts.map((post) => post.title),
          data.posts.map((post) => post.content),
          data.posts.map((post) => post.status),
          data.posts.map((post) => authorIds[post.author]),
          data.posts.map((post) => utcTimestamp(post.createdAt)),
        ],
      );
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK');
      throw error;
    }
    // Fresh statistics, so every server's first query gets the plan it will keep.
    await client.query('ANALYZE "DemoPost", "AccountsUser"');
  });
}
