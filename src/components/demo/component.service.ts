import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { Prisma } from '@prisma/client';
import type { ComponentClient } from '../../database/runtime/component-client';
import { PrismaService } from '../../database/runtime/prisma.service';
import { uniqueViolationFields } from '../../database/runtime/unique-violation';
import { DomainError } from '../../platform/errors/domain.error';
import { DemoAuthor, DemoPost, DemoPostChanges, DemoPostListItem, DemoPostPage, NewDemoPost } from './component.types';

const POST_WITH_AUTHOR = {
  id: true,
  title: true,
  content: true,
  status: true,
  createdAt: true,
  updatedAt: true,
  author: { select: { name: true } },
} satisfies Prisma.DemoPostSelect;

type PostRow = Prisma.DemoPostGetPayload<{ select: typeof POST_WITH_AUTHOR }>;

function toDemoPost({ author, ...post }: PostRow): DemoPost {
  return { ...post, authorName: author.name };
}

/** What the list shows of a post, and nothing more. */
const POST_LIST_ITEM = {
  id: true,
  title: true,
  content: true,
  status: true,
  createdAt: true,
  author: { select: { name: true } },
} satisfies Prisma.DemoPostSelect;

function toListItem({ author, ...post }: Prisma.DemoPostGetPayload<{ select: typeof POST_LIST_ITEM }>): DemoPostListItem {
  return { ...post, authorName: author.name };
}

/** Beyond this the count decides the page first: Prisma 6.19 mangles huge skips (2^53 returns the first rows). */
const MAX_OFFSET = 2 ** 31 - 1;

const AUTHOR = { id: true, name: true, email: true } satisfies Prisma.DemoUserSelect;

/** Posts and their authors. Takes and returns the component's own types only. */
@Injectable()
export class DemoComponentService {
  /** Only the demo's own models: another component's tables are a compile error here. */
  private readonly db: ComponentClient<'demo'>;

  constructor(prisma: PrismaService) {
    this.db = prisma.forComponent('demo');
  }

  /**
   * Creates a post, finding or creating its author by name in the same
   * transaction. Two first posts by a new author at the same moment both
   * succeed and share one author: the loser of the insert race retries and
   * finds the winner's row.
   */
  async createPost(input: NewDemoPost): Promise<DemoPost> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.db.$transaction(async (tx) => {
          const author = await tx.demoUser.upsert({
            where: { name: input.authorName },
            create: { name: input.authorName, email: `author-${randomUUID()}@demo.invalid` },
            update: {},
            select: { id: true },
          });
          const row = await tx.demoPost.create({
            data: { title: input.title, content: input.content ?? null, status: input.status, authorId: author.id },
            select: POST_WITH_AUTHOR,
          });
          return toDemoPost(row);
        });
      } catch (error) {
        if (attempt < 3 && uniqueViolationFields(error) !== null) continue;
        throw error;
      }
    }
  }

  /**
   * One page of posts, newest first. The page asked for is clamped to the
   * pages there are, so an address past the end shows the last page (and a
   * page number too large to count with, too).
   *
   * The list and the count run side by side on two pooled connections, not
   * in a transaction (no BEGIN/COMMIT round trips, no connection held for
   * both); a post added between them can make the count one off for that
   * request, which a page of posts can live with. Only a page past the end
   * costs a second read.
   */
  async listPosts(requestedPage = 1, pageSize = 20): Promise<DemoPostPage> {
    const wanted = Number.isFinite(requestedPage) ? Math.max(1, Math.floor(requestedPage)) : 1;
    const readPage = (page: number) =>
      this.db.demoPost.findMany({
        select: POST_LIST_ITEM,
        orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
        skip: (page - 1) * pageSize,
        take: pageSize,
      });
    const [total, rows] = await Promise.all([
      this.db.demoPost.count(),
      wanted * pageSize <= MAX_OFFSET ? readPage(wanted) : Promise.resolve(null),
    ]);
    const totalPages = Math.max(1, Math.ceil(total / pageSize));
    const page = Math.min(wanted, totalPages);
    const shown = rows !== null && page === wanted ? rows : await readPage(page);
    return { posts: shown.map(toListItem), total, page, pageSize, totalPages };
  }

  async getPost(id: string): Promise<DemoPost | null> {
    if (!UUID.test(id)) return null;
    const row = await this.db.demoPost.findUnique({ where: { id }, select: POST_WITH_AUTHOR });
    return row ? toDemoPost(row) : null;
  }

  async updatePost(id: string, changes: DemoPostChanges): Promise<DemoPost | null> {
    if (!UUID.test(id)) return null;
    const { count } = await this.db.demoPost.updateMany({ where: { id }, data: changes });
    return count === 0 ? null : this.getPost(id);
  }

  /** @returns whether a post was deleted */
  async deletePost(id: string): Promise<boolean> {
    if (!UUID.test(id)) return false;
    const { count } = await this.db.demoPost.deleteMany({ where: { id } });
    return count > 0;
  }

  async findAuthorByName(name: string): Promise<DemoAuthor | null> {
    return this.db.demoUser.findUnique({ where: { name }, select: AUTHOR });
  }

  /** @throws DomainError CONFLICT when the name or the email belongs to another author */
  async createAuthor(name: string, email: string): Promise<DemoAuthor> {
    try {
      return await this.db.demoUser.create({ data: { name, email }, select: AUTHOR });
    } catch (error) {
      const fields = uniqueViolationFields(error);
      if (fields === null) throw error;
      const taken = fields.includes('email') ? `the email ${email}` : fields.includes('name') ? `the name ${name}` : 'that name or email';
      throw new DomainError('CONFLICT', `Another author already has ${taken}; choose another.`);
    }
  }

  /** Deletes an author and, by cascade, every post of theirs. @returns whether an author was deleted */
  async deleteAuthor(id: string): Promise<boolean> {
    if (!UUID.test(id)) return false;
    const { count } = await this.db.demoUser.deleteMany({ where: { id } });
    return count > 0;
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
