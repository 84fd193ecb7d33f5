import { randomUUID } from 'node:crypto';
import { TestingModule } from '@nestjs/testing';
import { PrismaService } from '../../../database/runtime/prisma.service';
import { createComponentTestingModule } from '../../../testing/create-component-testing-module';
import { resetWorkerSchema } from '../../../testing/reset-worker-schema';
import { countStatements } from '../../../testing/database/count-statements';
import { DemoComponentService } from '../component.service';

describe('DemoComponentService against PostgreSQL', () => {
  let moduleRef: TestingModule;
  let service: DemoComponentService;
  let prisma: PrismaService;

  beforeAll(async () => {
    moduleRef = await createComponentTestingModule('demo');
    service = moduleRef.get(DemoComponentService);
    prisma = moduleRef.get(PrismaService);
    // The tests below compare the list with every post in the table: drafts or a deleted author's posts left by an earlier file would not be listed.
    await resetWorkerSchema(prisma);
  });

  afterAll(() => moduleRef.close());

  /** An account of the accounts component, as a placeholder (no password): the service only needs its id and name. */
  async function account(displayName: string): Promise<{ id: string; displayName: string }> {
    return prisma.accountsUser.create({
      data: { email: `author-${randomUUID()}@example.test`, displayName, passwordHash: null },
      select: { id: true, displayName: true },
    });
  }

  it('creates a post by an account and reads it back with the account’s id and display name', async () => {
    const ada = await account('Ada Lovelace');

    const created = await service.createPost({ title: 'Hello', content: 'First words' }, ada.id);

    expect(created).toMatchObject({
      title: 'Hello',
      content: 'First words',
      status: 'PUBLISHED',
      authorId: ada.id,
      authorName: 'Ada Lovelace',
    });
    expect(await service.getPost(created.id)).toEqual(created);
  });

  it('keeps the posts of two accounts with the same display name apart: names are not identities', async () => {
    const [first, second] = [await account('Sam'), await account('Sam')];

    const [a, b] = [
      await service.createPost({ title: 'by the first Sam' }, first.id),
      await service.createPost({ title: 'by the second Sam' }, second.id),
    ];

    expect([a.authorId, b.authorId]).toEqual([first.id, second.id]);
    expect(await service.deletePost(a.id, second.id)).toBe('not-author');
    expect(await service.getPost(a.id)).not.toBeNull();
  });

  it('shows the author’s current display name, not the one they had when they wrote the post', async () => {
    const grace = await account('Grace');
    const post = await service.createPost({ title: 'Renamed later' }, grace.id);

    await prisma.accountsUser.update({ where: { id: grace.id }, data: { displayName: 'Grace Hopper' } });

    expect(await service.getPost(post.id)).toMatchObject({ authorName: 'Grace Hopper' });
  });

  it('updates a post and returns null for a post that does not exist', async () => {
    const post = await service.createPost({ title: 'Draft title', status: 'DRAFT' }, (await account('Edsger')).id);

    const updated = await service.updatePost(post.id, { title: 'Final title', status: 'ARCHIVED' });

    expect(updated).toMatchObject({ id: post.id, title: 'Final title', status: 'ARCHIVED' });
    expect(await service.updatePost(randomUUID(), { title: 'x' })).toBeNull();
  });

  it('lets the author delete a post once, and reports it missing the second time', async () => {
    const barbara = await account('Barbara');
    const post = await service.createPost({ title: 'Short-lived' }, barbara.id);

    expect(await service.deletePost(post.id, barbara.id)).toBe('deleted');
    expect(await service.getPost(post.id)).toBeNull();
    expect(await service.deletePost(post.id, barbara.id)).toBe('missing');
  });

  it('refuses to delete someone else’s post and keeps it', async () => {
    const author = await account('Author');
    const other = await account('Someone else');
    const post = await service.createPost({ title: 'Not yours' }, author.id);

    expect(await service.deletePost(post.id, other.id)).toBe('not-author');
    expect(await service.getPost(post.id)).toMatchObject({ id: post.id, title: 'Not yours' });
  });

  it('reports an unknown or malformed id as missing, whoever asks', async () => {
    const someone = await account('Someone');

    expect(await service.deletePost(randomUUID(), someone.id)).toBe('missing');
    expect(await service.deletePost('not-a-uuid', someone.id)).toBe('missing');
    expect(await service.getPost('not-a-uuid')).toBeNull();
  });

  it("deletes an account's posts with the account (cascade)", async () => {
    const ken = await account('Ken');
    const post = await service.createPost({ title: 'Orphan to be' }, ken.id);

    await prisma.accountsUser.delete({ where: { id: ken.id } });

    expect(await service.getPost(post.id)).toBeNull();
  });

  it('lists posts newest first with the total count and each author’s name', async () => {
    const margaret = await account('Margaret');
    const first = await service.createPost({ title: 'older' }, margaret.id);
    const second = await service.createPost({ title: 'newer' }, margaret.id);

    const page = await service.listPosts(1, 1000);
    const ids = page.posts.map((post) => post.id);

    expect(ids.indexOf(second.id)).toBeGreaterThan(-1);
    expect(ids.indexOf(second.id)).toBeLessThan(ids.indexOf(first.id));
    expect(page.posts.find((post) => post.id === first.id)).toMatchObject({ authorId: margaret.id, authorName: 'Margaret' });
    expect(page.total).toBeGreaterThanOrEqual(2);
  });

  it('shows the last page when asked for a page past the end, even one too large to count with', async () => {
    await service.createPost({ title: 'only one here' }, (await account('Frances')).id);
    const total = await prisma.demoPost.count();

    const beyond = await service.listPosts(1e20, 1);

    expect(beyond).toMatchObject({ page: total, totalPages: total, total });
    expect(beyond.posts).toHaveLength(1);
  });

  it('shows the last page when asked for the page right after it', async () => {
    await service.createPost({ title: 'last of all' }, (await account('Barbara')).id);
    const total = await prisma.demoPost.count();

    const after = await service.listPosts(total + 1, 1);

    expect(after).toMatchObject({ page: total, totalPages: total, total });
    expect(after.posts).toHaveLength(1);
  });

  it.each([0, -1, Number.NaN, 1.5])('shows page 1 when asked for page %p', async (requested) => {
    await service.createPost({ title: 'on page one' }, (await account('Hedy')).id);

    const page = await service.listPosts(requested, 1);

    expect(page.page).toBe(1);
    expect(page.posts).toHaveLength(1);
  });

  describe('statements per list', () => {
    const counted = <T>(work: () => Promise<T>) => countStatements(prisma, work);

    it('reads a page that has posts, their authors and the count in one statement', async () => {
      const ada = await account('Ada');
      for (const title of ['one', 'two', 'three']) await service.createPost({ title }, ada.id);
      const total = await prisma.demoPost.count({ where: { authorDeletedAt: null, status: { not: 'DRAFT' } } });

      const { result, statements } = await counted(() => service.listPosts(2, 2));

      expect(statements).toBe(1);
      expect(result).toMatchObject({ page: 2, pageSize: 2, total, totalPages: Math.ceil(total / 2) });
      expect(result.posts.length).toBeGreaterThan(0);
      expect(Object.keys(result.posts[0]).sort()).toEqual(['authorId', 'authorName', 'content', 'createdAt', 'id', 'status', 'title']);
    });

    it('counts, then reads the last page, only for a page past the end', async () => {
      await service.createPost({ title: 'somewhere' }, (await account('Lise')).id);
      const total = await prisma.demoPost.count({ where: { authorDeletedAt: null, status: { not: 'DRAFT' } } });

      const { result, statements } = await counted(() => service.listPosts(total + 5, 1));

      expect(statements).toBe(3);
      expect(result).toMatchObject({ page: total, total, totalPages: total });
      expect(result.posts).toHaveLength(1);
    });
  });
});
