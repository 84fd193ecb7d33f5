// One candidate for the fast read path on one workload, measured in a
// process of its own (the plan cache patches Prisma process-wide). Run by
// queries-bench.ts:
//   node --import tsx bench/queries/fast-path-variant.ts <path> <workload>
// with DATABASE_URL set; prints one JSON line of VariantFigures with the SQL
// statements sent per operation, alone and 8 at a time.
import type { Kysely } from 'kysely';
import { Client, Pool } from 'pg';
import { PrismaService } from '../../src/database/runtime/prisma.service';
import { demoPosts } from '../demo-posts';
import {
  FastPathName,
  FastPathTables,
  FastPathWorkloadName,
  SESSION_SQL,
  VISIBLE_COUNT_SQL,
  VISIBLE_PAGE_SQL,
} from './fast-path-workloads';
import { measureOperations } from './query-workloads';

/** Every statement any candidate sends goes through pg's Client#query (Prisma's adapter, Kysely's dialect and a Pool alike). */
let statementsSent = 0;
const query = Reflect.get(Client.prototype, 'query') as (this: Client, ...args: unknown[]) => unknown;
Client.prototype.query = function countedQuery(this: Client, ...args: unknown[]) {
  statementsSent++;
  return query.apply(this, args);
} as Client['query'];

/** What main's demo list read with Prisma (POST_LIST_ITEM and visibleTo(null) in its service). */
const POST_LIST_ITEM = {
  id: true,
  title: true,
  content: true,
  status: true,
  createdAt: true,
  authorId: true,
  author: { select: { displayName: true } },
} as const;
const VISIBLE_SIGNED_OUT = { authorDeletedAt: null, status: { not: 'DRAFT' } } as const;

/** What main's session check read with Prisma (SESSION_CHECK in accounts' sessions service). */
const SESSION_CHECK = {
  id: true,
  lastSeenAt: true,
  idleExpiresAt: true,
  absoluteExpiresAt: true,
  revokedAt: true,
  user: { select: { id: true, email: true, displayName: true, deletedAt: true } },
} as const;

interface Operations {
  list: () => Promise<unknown>;
  session: (hash: Buffer) => Promise<unknown>;
  close: () => Promise<void>;
}

async function operationsFor(path: FastPathName): Promise<Operations> {
  if (path === 'pg') {
    const pool = new Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
    return {
      list: () => Promise.all([pool.query(VISIBLE_PAGE_SQL, ['DRAFT', 20, 0]), pool.query(VISIBLE_COUNT_SQL, ['DRAFT'])]),
      session: async (hash) => (await pool.query<{ id: string }>(SESSION_SQL, [hash])).rows[0],
      close: () => pool.end(),
    };
  }
  const prisma = new PrismaService();
  await prisma.onModuleInit();
  const close = () => prisma.$disconnect();
  if (path === 'prisma') {
    return {
      list: () =>
        Promise.all([
          demoPosts(prisma).findMany({
            where: VISIBLE_SIGNED_OUT,
            select: POST_LIST_ITEM,
            orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
            skip: 0,
            take: 20,
          }),
          demoPosts(prisma).count({ where: VISIBLE_SIGNED_OUT }),
        ]),
      session: (hash) => prisma.accountsSession.findUnique({ where: { tokenHash: new Uint8Array(hash) }, select: SESSION_CHECK }),
      close,
    };
  }
  // The same instance the services reach through forComponent(id).$kysely, typed by the bench (see FastPathTables).
  const db = prisma.$kysely as unknown as Kysely<FastPathTables>;
  const visible = () => db.selectFrom('DemoPost as post').where('post.authorDeletedAt', 'is', null).where('post.status', '<>', 'DRAFT');
  return {
    // The shapes of DemoComponentService.readPage/countVisible and SessionsService.resolve.
    list: () =>
      Promise.all([
        visible()
          .innerJoin('AccountsUser as author', 'author.id', 'post.authorId')
          .select([
            'post.id',
            'post.title',
            'post.content',
            'post.status',
            'post.createdAt',
            'post.authorId',
            'author.displayName as authorName',
          ])
          .orderBy('post.createdAt', 'desc')
          .orderBy('post.id', 'desc')
          .limit(20)
          .offset(0)
          .execute(),
        visible()
          .select((eb) => eb.fn.countAll<string>().as('total'))
          .executeTakeFirstOrThrow()
          .then(({ total }) => Number(total)),
      ]),
    session: (hash) =>
      db
        .selectFrom('AccountsSession as session')
        .innerJoin('AccountsUser as user', 'user.id', 'session.userId')
        .select([
          'session.id',
          'session.lastSeenAt',
          'session.idleExpiresAt',
          'session.absoluteExpiresAt',
          'session.revokedAt',
          'session.userId',
          'user.email',
          'user.displayName',
          'user.deletedAt as userDeletedAt',
        ])
        .where('session.tokenHash', '=', hash)
        .executeTakeFirst(),
    close,
  };
}

async function main(): Promise<void> {
  const [path, workload] = process.argv.slice(2) as [FastPathName, FastPathWorkloadName];
  const pool = new Pool({ connectionString: process.env.DATABASE_URL, max: 1 });
  const hashes = (await pool.query<{ tokenHash: Buffer }>('SELECT "tokenHash" FROM "AccountsSession" ORDER BY id')).rows.map(
    (row) => row.tokenHash,
  );
  await pool.end();
  const ops = await operationsFor(path);
  // A session check that finds nothing would measure less work than the others do.
  if (workload === 'session' && !(await ops.session(hashes[0] ?? Buffer.alloc(32)))) {
    throw new Error(
      `bench/queries/fast-path-variant.ts: ${path} found no session in the bench's database; queries-bench.ts seeds them before any run: run it through npm run bench:queries`,
    );
  }
  const operation = workload === 'list' ? () => ops.list() : (i: number) => ops.session(hashes[i % hashes.length]);
  // Statements of a call on its own: Prisma batches the findUnique calls of one tick into one findMany, which
  // the concurrent run below does (8 calls a tick) and a page request resolving its own session mostly does not.
  const LONE = 20;
  const loneBefore = statementsSent;
  for (let i = 0; i < LONE; i++) await operation(i);
  const statements = (statementsSent - loneBefore) / LONE;
  let sentBefore = 0;
  const figures = await measureOperations(operation, () => (sentBefore = statementsSent));
  figures.statements = statements;
  figures.statementsConcurrent = (statementsSent - sentBefore) / figures.operations;
  await ops.close();
  process.stdout.write(`${JSON.stringify(figures)}\n`);
}

main().catch((error: Error) => {
  process.stderr.write(`${error.stack ?? error.message}\n`);
  process.exit(1);
});
