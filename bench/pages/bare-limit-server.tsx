/**
 * The bare limit: `GET /demo/posts` with nothing but Node's `http`, a `pg`
 * pool and React's `renderToString`. Tuned: named (prepared) statements,
 * the page and the count read at once on two pooled connections, one
 * cached date formatter, keep-alive (Node's default). It reads the same
 * rows in the same order as the app, and clamps a page past the end the
 * same way. Started by `npm run bench:pages` (compiled, run by plain node)
 * with DATABASE_URL, HOST and PORT.
 */
import { createServer, ServerResponse } from 'node:http';
import { Pool } from 'pg';
import { renderToString } from 'react-dom/server';
import { pageQuery, ReferencePage, ReferencePost } from './reference-page';

interface PostRow {
  id: string;
  title: string;
  content: string | null;
  status: string;
  authorName: string;
  createdAt: Date;
}

const PAGE_SQL = `SELECT p.id, p.title, p.content, p.status, u."displayName" AS "authorName", p."createdAt" AT TIME ZONE 'UTC' AS "createdAt"
  FROM "DemoPost" p JOIN "AccountsUser" u ON u.id = p."authorId"
  ORDER BY p."createdAt" DESC, p.id DESC LIMIT $1 OFFSET $2`;
const COUNT_SQL = 'SELECT count(*)::int AS total FROM "DemoPost"';

// As many connections as the app's pool (DATABASE_POOL_SIZE's default).
const pool = new Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
const LONG_DATE = new Intl.DateTimeFormat('en-US', { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' });

const readPage = (size: number, page: number) =>
  pool.query<PostRow>({ name: 'posts-page', text: PAGE_SQL, values: [size, (page - 1) * size] }).then((result) => result.rows);

async function listPage(requested: number, size: number) {
  const [rows, count] = await Promise.all([
    readPage(size, requested),
    pool.query<{ total: number }>({ name: 'posts-count', text: COUNT_SQL }),
  ]);
  const totalPages = Math.max(1, Math.ceil(count.rows[0].total / size));
  // Past the end: the last page, as the app shows it (rare, so read only then).
  if (requested <= totalPages) return { rows, page: requested, totalPages };
  return { rows: await readPage(size, totalPages), page: totalPages, totalPages };
}

function send(res: ServerResponse, status: number, html: string): void {
  res.writeHead(status, { 'content-type': 'text/html; charset=utf-8', 'content-length': Buffer.byteLength(html) });
  res.end(html);
}

const server = createServer((req, res) => {
  const url = new URL(req.url ?? '/', 'http://localhost');
  if (req.method !== 'GET' || url.pathname !== '/demo/posts') return send(res, 404, '<!DOCTYPE html><h1>Not found</h1>');
  const { page, size } = pageQuery(url.searchParams);
  listPage(page, size).then(
    ({ rows, page: shown, totalPages }) => {
      const posts: ReferencePost[] = rows.map((row) => ({
        id: row.id,
        title: row.title,
        content: row.content,
        status: row.status,
        authorName: row.authorName,
        dateIso: row.createdAt.toISOString(),
        dateText: LONG_DATE.format(row.createdAt),
      }));
      send(res, 200, `<!DOCTYPE html>${renderToString(<ReferencePage posts={posts} page={shown} totalPages={totalPages} size={size} />)}`);
    },
    (error: Error) => {
      console.error(`GET ${req.url} failed: ${error.message}`);
      send(res, 500, '<!DOCTYPE html><h1>Internal server error</h1>');
    },
  );
});

server.listen(Number(process.env.PORT), process.env.HOST ?? '127.0.0.1', () => {
  console.log(`bare limit listening on http://${process.env.HOST ?? '127.0.0.1'}:${process.env.PORT}`);
});
