import { Injectable } from '@nestjs/common';
import { Prisma } from '@prisma/client';
import { type ComponentClient, type ComponentData, PrismaService } from '../../surface';
import { visibleTo } from './post-visibility';
import { DemoPost, DemoPostChanges, DemoPostListItem, DemoPostPage, NewDemoPost } from './component.types';

const POST_WITH_AUTHOR = {
  id: true,
  title: true,
  content: true,
  status: true,
  createdAt: true,
  updatedAt: true,
  authorId: true,
  author: { select: { displayName: true } },
} satisfies Prisma.DemoPostSelect;

type PostRow = Prisma.DemoPostGetPayload<{ select: typeof POST_WITH_AUTHOR }>;

function toDemoPost({ author, ...post }: PostRow): DemoPost {
  return { ...post, authorName: author.displayName };
}

/** Beyond this the count decides the page first: an offset PostgreSQL takes as a bigint, kept where Prisma 6.19 kept it (it mangles huge skips). */
const MAX_OFFSET = 2 ** 31 - 1;

/** Posts, each owned by the account that wrote it (accounts component, dependsOn). Takes and returns the component's own types only. */
@Injectable()
export class DemoComponentService {
  /** The demo's models and, through dependsOn, the accounts' (for the author's name); any other component's are a compile error here. */
  private readonly db: ComponentClient<'demo'>;

  constructor(prisma: PrismaService) {
    this.db = prisma.forComponent('demo');
  }

  /** Creates a post by the given account (the signed-in user: the controller passes `@CurrentUser()`'s id). */
  async createPost(input: NewDemoPost, authorId: string): Promise<DemoPost> {
    const row = await this.db.demoPost.create({
      data: { title: input.title, content: input.content ?? null, status: input.status, authorId },
      select: POST_WITH_AUTHOR,
    });
    return toDemoPost(row);
  }

  /**
   * One page of the posts `viewerId` may see (null: signed out), newest
   * first. The page asked for is clamped to the pages there are, so an
   * address past the end shows the last page (and a page number too large to
   * count with, too); the count and the rows filter alike, so the pages add up.
   *
   * One statement: the page's rows, each carrying the count of every
   * visible post (an uncorrelated subquery, which PostgreSQL runs once), so the rows
   * and the count see the same snapshot. Only an empty page (no posts, or a
   * page past the end) costs a count and, past the end, a read of the last page.
   */
  async listPosts(requestedPage = 1, pageSize = 20, viewerId: string | null = null): Promise<DemoPostPage> {
    const wanted = Number.isFinite(requestedPage) ? Math.max(1, Math.floor(requestedPage)) : 1;
    const rows = wanted * pageSize <= MAX_OFFSET ? await this.readPage(wanted, pageSize, viewerId) : [];
    if (rows.length > 0) {
      const total = Number(rows[0].total);
      return { posts: rows.map(withoutTotal), total, page: wanted, pageSize, totalPages: Math.max(1, Math.ceil(total / pageSize)) };
    }
    const total = await this.countVisible(viewerId);
    const totalPages = Math.max(1, Math.ceil(total / pageSize));
    const page = Math.min(wanted, totalPages);
    const posts = page === wanted ? [] : (await this.readPage(page, pageSize, viewerId)).map(withoutTotal);
    return { posts, total, page, pageSize, totalPages };
  }

  /** The list is the demo's hot read: on the fast path, the author's name joined in and the count alongside. */
  private readPage(page: number, pageSize: number, viewerId: string | null) {
    return this.visiblePosts(viewerId)
      .innerJoin('AccountsUser as author', 'author.id', 'post.authorId')
      .select([
        'post.id',
        'post.title',
        'post.content',
        'post.status',
        'post.createdAt',
        'post.authorId',
        'author.displayName as authorName',
        this.visiblePosts(viewerId)
          .select((eb) => eb.fn.countAll<string>().as('visible'))
          .as('total'),
      ])
      .orderBy('post.createdAt', 'desc')
      .orderBy('post.id', 'desc')
      .limit(pageSize)
      .offset((page - 1) * pageSize)
      .execute();
  }

  private async countVisible(viewerId: string | null): Promise<number> {
    const { total } = await this.visiblePosts(viewerId)
      .select((eb) => eb.fn.countAll<string>().as('total'))
      .executeTakeFirstOrThrow();
    return Number(total);
  }

  /** The fast path's twin of post-visibility.ts's `visibleTo`; test/post-list-equivalence.spec.ts holds the list to the rows that filter gives. */
  private visiblePosts(viewerId: string | null) {
    const posts = this.db.$kysely.selectFrom('DemoPost as post').where('post.authorDeletedAt', 'is', null);
    return viewerId === null
      ? posts.where('post.status', '<>', 'DRAFT')
      : posts.where((eb) => eb.or([eb('post.status', '<>', 'DRAFT'), eb('post.authorId', '=', viewerId)]));
  }

  /** The post, or null when it does not exist or `viewerId` (null: signed out) may not see it: a draft of someone else, a deleted author's. */
  async getPost(id: string, viewerId: string | null = null): Promise<DemoPost | null> {
    if (!UUID.test(id)) return null;
    const row = await this.db.demoPost.findFirst({ where: { id, ...visibleTo(viewerId) }, select: POST_WITH_AUTHOR });
    return row ? toDemoPost(row) : null;
  }

  /** Changes a post whose author's account still exists; null for any other. */
  async updatePost(id: string, changes: DemoPostChanges): Promise<DemoPost | null> {
    if (!UUID.test(id)) return null;
    const { count } = await this.db.demoPost.updateMany({ where: { id, authorDeletedAt: null }, data: changes });
    if (count === 0) return null;
    const row = await this.db.demoPost.findUnique({ where: { id }, select: POST_WITH_AUTHOR });
    return row ? toDemoPost(row) : null;
  }

  /**
   * Hides every post of an account that was deleted (accounts/account-deleted).
   * Conditional, so a second delivery of the event changes nothing.
   * @returns how many posts were hidden now
   */
  async hidePostsOfDeletedAuthor(authorId: string, db: ComponentData<'demo'> = this.db, now = new Date()): Promise<number> {
    const { count } = await db.demoPost.updateMany({ where: { authorId, authorDeletedAt: null }, data: { authorDeletedAt: now } });
    return count;
  }

  /**
   * Deletes a post if `userId` wrote it. One statement decides and deletes,
   * so a post cannot change hands between a check and the delete.
   * @returns `deleted`; `missing` for an unknown or malformed id; `not-author` when someone else wrote it
   */
  async deletePost(id: string, userId: string): Promise<'deleted' | 'missing' | 'not-author'> {
    if (!UUID.test(id)) return 'missing';
    const { count } = await this.db.demoPost.deleteMany({ where: { id, authorId: userId } });
    if (count > 0) return 'deleted';
    return (await this.db.demoPost.count({ where: { id } })) > 0 ? 'not-author' : 'missing';
  }
}

/** A list row without the count every row of the page carries. */
function withoutTotal({ total, ...post }: DemoPostListItem & { total: unknown }): DemoPostListItem {
  void total;
  return post;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
