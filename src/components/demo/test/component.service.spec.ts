import { randomUUID } from 'node:crypto';
import { TestingModule } from '@nestjs/testing';
import { PrismaService } from '../../../database/runtime/prisma.service';
import { createDatabaseTestingModule } from '../../../testing/create-database-testing-module';
import { DomainError } from '../../../platform/errors/domain.error';
import { DemoComponentModule } from '../component.module';
import { DemoComponentService } from '../component.service';

describe('DemoComponentService against PostgreSQL', () => {
  let moduleRef: TestingModule;
  let service: DemoComponentService;
  let prisma: PrismaService;
  const unique = (label: string) => `${label} ${randomUUID()}`;

  beforeAll(async () => {
    moduleRef = await createDatabaseTestingModule({ imports: [DemoComponentModule] });
    service = moduleRef.get(DemoComponentService);
    prisma = moduleRef.get(PrismaService);
  });

  afterAll(() => moduleRef.close());

  it('creates a post with a new author and reads it back with the author name', async () => {
    const authorName = unique('Ada');
    const created = await service.createPost({ title: 'Hello', content: 'First words', authorName });

    expect(created).toMatchObject({ title: 'Hello', content: 'First words', status: 'PUBLISHED', authorName });
    expect(await service.getPost(created.id)).toEqual(created);
  });

  it('reuses the existing author when the same name posts again', async () => {
    const authorName = unique('Grace');
    await service.createPost({ title: 'One', authorName });
    await service.createPost({ title: 'Two', authorName, status: 'DRAFT' });

    expect(await prisma.demoUser.count({ where: { name: authorName } })).toBe(1);
    expect(await prisma.demoPost.count({ where: { author: { name: authorName } } })).toBe(2);
  });

  it('creates one author when two first posts by a new name arrive at the same moment', async () => {
    const authorName = unique('Linus');
    const posts = await Promise.all([service.createPost({ title: 'A', authorName }), service.createPost({ title: 'B', authorName })]);

    expect(posts.map((post) => post.authorName)).toEqual([authorName, authorName]);
    expect(await prisma.demoUser.count({ where: { name: authorName } })).toBe(1);
  });

  it('updates a post and returns null for a post that does not exist', async () => {
    const post = await service.createPost({ title: 'Draft title', authorName: unique('Edsger'), status: 'DRAFT' });

    const updated = await service.updatePost(post.id, { title: 'Final title', status: 'ARCHIVED' });

    expect(updated).toMatchObject({ id: post.id, title: 'Final title', status: 'ARCHIVED' });
    expect(await service.updatePost(randomUUID(), { title: 'x' })).toBeNull();
  });

  it('deletes a post once and reports false the second time', async () => {
    const post = await service.createPost({ title: 'Short-lived', authorName: unique('Barbara') });

    expect(await service.deletePost(post.id)).toBe(true);
    expect(await service.getPost(post.id)).toBeNull();
    expect(await service.deletePost(post.id)).toBe(false);
  });

  it("deletes an author's posts with the author (cascade)", async () => {
    const post = await service.createPost({ title: 'Orphan to be', authorName: unique('Ken') });
    const author = await service.findAuthorByName(post.authorName);

    expect(await service.deleteAuthor(author!.id)).toBe(true);
    expect(await service.getPost(post.id)).toBeNull();
  });

  it('lists posts newest first with the total count', async () => {
    const authorName = unique('Margaret');
    const first = await service.createPost({ title: 'older', authorName });
    const second = await service.createPost({ title: 'newer', authorName });

    const page = await service.listPosts(1, 1000);
    const ids = page.posts.map((post) => post.id);

    expect(ids.indexOf(second.id)).toBeLessThan(ids.indexOf(first.id));
    expect(page.total).toBeGreaterThanOrEqual(2);
  });

  it('refuses a second author with the same name as a conflict the user can act on, naming the name', async () => {
    const name = unique('Alan');
    await service.createAuthor(name, `${randomUUID()}@example.test`);

    const duplicate = service.createAuthor(name, `${randomUUID()}@example.test`);

    await expect(duplicate).rejects.toBeInstanceOf(DomainError);
    await expect(duplicate).rejects.toMatchObject({
      code: 'CONFLICT',
      message: `Another author already has the name ${name}; choose another.`,
    });
  });

  it('refuses a second author with the same email as a conflict naming the email', async () => {
    const email = `${randomUUID()}@example.test`;
    await service.createAuthor(unique('Alan'), email);

    await expect(service.createAuthor(unique('Turing'), email)).rejects.toMatchObject({
      code: 'CONFLICT',
      message: `Another author already has the email ${email}; choose another.`,
    });
  });

  it('shows the last page when asked for a page past the end, even one too large to count with', async () => {
    const authorName = unique('Frances');
    await service.createPost({ title: 'only one here', authorName });
    const total = await prisma.demoPost.count();

    const beyond = await service.listPosts(1e20, 1);

    expect(beyond).toMatchObject({ page: total, totalPages: total, total });
    expect(beyond.posts).toHaveLength(1);
  });

  it('shows the last page when asked for the page right after it', async () => {
    await service.createPost({ title: 'last of all', authorName: unique('Barbara') });
    const total = await prisma.demoPost.count();

    const after = await service.listPosts(total + 1, 1);

    expect(after).toMatchObject({ page: total, totalPages: total, total });
    expect(after.posts).toHaveLength(1);
  });

  it.each([0, -1, Number.NaN, 1.5])('shows page 1 when asked for page %p', async (requested) => {
    await service.createPost({ title: 'on page one', authorName: unique('Hedy') });

    const page = await service.listPosts(requested, 1);

    expect(page.page).toBe(1);
    expect(page.posts).toHaveLength(1);
  });
});
