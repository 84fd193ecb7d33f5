import { randomUUID } from 'node:crypto';
import { TestingModule } from '@nestjs/testing';
import { Prisma } from '@prisma/client';
import { PrismaService } from '../../../database/runtime/prisma.service';
import { createComponentTestingModule } from '../../../testing/create-component-testing-module';
import { resetWorkerSchema } from '../../../testing/reset-worker-schema';
import { DemoComponentService } from '../component.service';
import { visibleTo } from '../post-visibility';
import type { DemoPostListItem, DemoPostPage, DemoPostStatus } from '../component.types';

/**
 * The reference: the list as the service read it through Prisma before the
 * fast path (main's component.service.ts, `findMany` and `count` with
 * `visibleTo`, which a post's page still reads with). The service's Kysely list must give the same rows, in the
 * same order, with the same totals.
 */
const POST_LIST_ITEM = {
  id: true,
  title: true,
  content: true,
  status: true,
  createdAt: true,
  authorId: true,
  author: { select: { displayName: true } },
} satisfies Prisma.DemoPostSelect;

async function referencePage(prisma: PrismaService, page: number, pageSize: number, viewerId: string | null): Promise<DemoPostPage> {
  const where = visibleTo(viewerId);
  const total = await prisma.demoPost.count({ where });
  const totalPages = Math.max(1, Math.ceil(total / pageSize));
  const shown = Math.min(page, totalPages);
  const rows = await prisma.demoPost.findMany({
    where,
    select: POST_LIST_ITEM,
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    skip: (shown - 1) * pageSize,
    take: pageSize,
  });
  const posts = rows.map(({ author, ...post }): DemoPostListItem => ({ ...post, authorName: author.displayName }));
  return { posts, total, page: shown, pageSize, totalPages };
}

const PAGE_SIZE = 4;

describe('the demo list on the fast path gives the rows of the Prisma query it replaced', () => {
  let moduleRef: TestingModule;
  let service: DemoComponentService;
  let prisma: PrismaService;
  const viewers: Record<string, string | null> = { 'a signed-out reader': null };

  beforeAll(async () => {
    moduleRef = await createComponentTestingModule('demo');
    service = moduleRef.get(DemoComponentService);
    prisma = moduleRef.get(PrismaService);
    await resetWorkerSchema(prisma);

    const [ada, bob, gone] = await Promise.all(['Ada', 'Bob', 'Gone'].map((name) => account(name)));
    viewers['Ada (with drafts)'] = ada;
    viewers['Bob (with drafts)'] = bob;
    // Milliseconds that a lost precision or a time-zone shift would change; three posts share one instant (the id decides their order).
    const tie = new Date('2026-03-29T01:30:00.123Z');
    const at = (minutes: number) => new Date(Date.UTC(2026, 2, 29, 0, minutes, 7, 456));
    const posts: [string, DemoPostStatus, Date, string | null][] = [
      [ada, 'PUBLISHED', at(1), 'Text with ünïcode and a "quote"'],
      [ada, 'DRAFT', at(2), null],
      [ada, 'ARCHIVED', at(3), ''],
      [ada, 'PUBLISHED', tie, null],
      [bob, 'PUBLISHED', tie, 'Bob at the same instant'],
      [bob, 'DRAFT', tie, null],
      [bob, 'PUBLISHED', at(4), null],
      [bob, 'DRAFT', at(5), 'A draft of Bob'],
      [bob, 'ARCHIVED', at(6), null],
      [gone, 'PUBLISHED', at(7), 'By an account since deleted'],
      [gone, 'DRAFT', at(8), null],
      [ada, 'PUBLISHED', new Date('1999-12-31T23:59:59.999Z'), 'Last century'],
      [bob, 'PUBLISHED', new Date('2026-10-25T01:30:00.001Z'), 'Inside a daylight-saving change in Europe'],
    ];
    await prisma.demoPost.createMany({
      data: posts.map(([authorId, status, createdAt, content], index) => ({
        authorId,
        status,
        createdAt,
        content,
        title: `Post ${index}`,
      })),
    });
    await service.hidePostsOfDeletedAuthor(gone);
  });

  afterAll(async () => {
    await resetWorkerSchema(prisma);
    await moduleRef.close();
  });

  async function account(displayName: string): Promise<string> {
    const { id } = await prisma.accountsUser.create({
      data: { email: `${displayName.toLowerCase()}-${randomUUID()}@example.test`, displayName, passwordHash: null },
      select: { id: true },
    });
    return id;
  }

  /** Every page each viewer can ask for, and the one past the end (which shows the last page), through both paths. */
  async function bothPaths() {
    const pairs: { viewer: string; page: number; fast: DemoPostPage; reference: DemoPostPage }[] = [];
    for (const [viewer, viewerId] of Object.entries(viewers)) {
      const { totalPages } = await referencePage(prisma, 1, PAGE_SIZE, viewerId);
      for (let page = 1; page <= totalPages + 1; page += 1) {
        const [fast, reference] = [
          await service.listPosts(page, PAGE_SIZE, viewerId),
          await referencePage(prisma, page, PAGE_SIZE, viewerId),
        ];
        pairs.push({ viewer, page, fast, reference });
      }
    }
    return pairs;
  }

  it('lists every page alike for a signed-out reader and for two authors, rows, order and totals', async () => {
    const pairs = await bothPaths();

    for (const { viewer, page, fast, reference } of pairs) {
      // Dates compare as Dates (toStrictEqual also tells a Date from its text); the label says which page differs.
      expect({ viewer, asked: page, ...fast }).toStrictEqual({ viewer, asked: page, ...reference });
    }
    // The data exercises what it should: several pages, drafts for their author only, no deleted author's post.
    const firstPages = pairs.filter(({ page }) => page === 1).map(({ viewer, reference }) => [viewer, reference.total]);
    expect(firstPages).toEqual([
      ['a signed-out reader', 8],
      ['Ada (with drafts)', 9],
      ['Bob (with drafts)', 10],
    ]);
    expect(pairs.flatMap(({ fast }) => fast.posts).some((post) => post.content === null)).toBe(true);
  });

  it('reads the stored instants to the millisecond although the process runs fourteen hours ahead of UTC', async () => {
    // jest.config.js sets TZ=Pacific/Kiritimati for every worker: node-postgres's own timestamp parser would read the columns in it.
    expect(new Date('2026-03-29T00:00:00Z').getTimezoneOffset()).toBe(-14 * 60);

    const { posts } = await service.listPosts(1, 100, null);

    expect(posts.map(({ createdAt }) => createdAt.toISOString())).toEqual(
      expect.arrayContaining(['2026-03-29T01:30:00.123Z', '1999-12-31T23:59:59.999Z', '2026-10-25T01:30:00.001Z']),
    );
  });
});
